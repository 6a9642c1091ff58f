import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/shell";
import { StagedImport } from "~/components/staged-import";
import { forbidden } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { commitPeopleImport, previewPeopleImport, requirePeopleUnit } from "~/lib/people.server";
import { handleStagedImport } from "~/lib/staged-import.server";
import { canManagePeople } from "~/domain/auth/policies";
import { titled } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Nhập danh sách từ tệp");

async function load(request: Request, context: LoaderFunctionArgs["context"], unitId: string | undefined) {
  const { actor, unit } = await requirePeopleUnit(request, context, unitId);
  if (!canManagePeople(actor, unit)) forbidden();
  return { actor, unit };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { unit } = await load(request, context, params.unitId);
  return { unit: { id: unit.id, name: unit.name } };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor, unit } = await load(request, context, params.unitId);
  return handleStagedImport(
    request,
    { userId: actor.userId, unitId: unit.id, purpose: "people-import" },
    {
      preview: (data) => previewPeopleImport(db, actor, unit, data),
      commit: (data, fileName) => commitPeopleImport(db, actor, unit, data, fileName, context.clientIp),
      done: (result) => {
        const summary = `${result.counts.new} người mới, ${result.counts.update} cập nhật, ${result.counts.unchanged} không đổi.`;
        const category = result.rows.some((r) => r.category === "students")
          ? "students"
          : (result.rows[0]?.category ?? "");
        return `/people/${unit.id}?category=${category}&imported=${encodeURIComponent(summary)}`;
      },
      restart: `/people/${unit.id}/import`,
    },
  );
}

export default function ImportPeople() {
  const { unit } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Nhập danh sách từ tệp"
        subtitle={unit.name}
        actions={<Link to={`/people/${unit.id}`}>‹ Danh sách</Link>}
      />
      <StagedImport
        result={useActionData<typeof action>()}
        commitLabel="Ghi vào danh sách"
        okText="Tệp hợp lệ. Bấm “Ghi vào danh sách” để ghi tất cả các dòng; người có cùng mã sẽ được cập nhật theo tệp."
        help={
          <p>
            Tệp CSV (UTF-8) hoặc Excel (.xlsx), tối đa 5 MB, với các cột: Mã, Họ và tên, Loại, Khối, Lớp, Chức vụ.{" "}
            <a href={`/people/${unit.id}/template.xlsx`} download>
              Tải tệp mẫu
            </a>
            .
          </p>
        }
      />
    </>
  );
}

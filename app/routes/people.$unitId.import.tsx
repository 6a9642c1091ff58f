import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormError } from "~/components/forms";
import { ImportPreviewTable } from "~/components/import-preview";
import { PageHeader } from "~/components/shell";
import { discardStagedFile, readStagedFile, stageFile } from "~/domain/files/staging";
import { MAX_IMPORT_BYTES } from "~/domain/imports/table-file";
import { commitPeopleImport, previewPeopleImport } from "~/domain/people/import";
import { canManagePeople } from "~/domain/people/people";
import { DomainError } from "~/domain/shared/errors";
import { forbidden } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { requirePeopleUnit } from "~/lib/people.server";
import { fileFrom, readSmallMultipart } from "~/lib/upload.server";

export const meta: MetaFunction = () => [{ title: "Nhập danh sách từ tệp · Tân An STEM" }];

const PURPOSE = "people-import";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor, unit } = await requirePeopleUnit(request, context, params.unitId);
  if (!canManagePeople(actor, unit)) forbidden();
  return { unit: { id: unit.id, name: unit.name } };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor, unit } = await requirePeopleUnit(request, context, params.unitId);
  if (!canManagePeople(actor, unit)) forbidden();
  try {
    const formData = await readSmallMultipart(request, MAX_IMPORT_BYTES);
    const intent = formData.get("intent");
    if (intent === "preview") {
      const file = await fileFrom(formData);
      if (!file) return data({ ok: false as const, formError: "Vui lòng chọn tệp CSV hoặc Excel (.xlsx)." }, { status: 400 });
      const preview = await previewPeopleImport(db, actor, unit, file.data);
      const stagedId =
        preview.fileErrors.length || preview.counts.error
          ? null
          : stageFile(file.data, { userId: actor.userId, unitId: unit.id, purpose: PURPOSE, fileName: file.name });
      return { ok: true as const, preview, stagedId, fileName: file.name };
    }
    const stagedId = String(formData.get("stagedId") ?? "");
    if (intent === "cancel") {
      discardStagedFile(stagedId, { userId: actor.userId, unitId: unit.id, purpose: PURPOSE });
      return redirect(`/people/${unit.id}/import`);
    }
    if (intent === "commit") {
      const staged = readStagedFile(stagedId, { userId: actor.userId, unitId: unit.id, purpose: PURPOSE });
      if (!staged) return data({ ok: false as const, formError: "Tệp xem trước đã hết hạn (sau 1 giờ). Vui lòng tải tệp lên lại." }, { status: 410 });
      const result = await commitPeopleImport(db, actor, unit, staged.data, staged.meta.fileName, context.clientIp);
      discardStagedFile(stagedId, { userId: actor.userId, unitId: unit.id, purpose: PURPOSE });
      const summary = `${result.counts.new} người mới, ${result.counts.update} cập nhật, ${result.counts.unchanged} không đổi.`;
      const category = result.rows.some((r) => r.category === "students") ? "students" : (result.rows[0]?.category ?? "");
      return redirect(`/people/${unit.id}?category=${category}&imported=${encodeURIComponent(summary)}`);
    }
    return data({ ok: false as const, formError: "Thao tác không hợp lệ." }, { status: 400 });
  } catch (e) {
    if (e instanceof DomainError) return data({ ok: false as const, formError: e.message }, { status: 400 });
    throw e;
  }
}

export default function ImportPeople() {
  const { unit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const preview = result?.ok ? result.preview : null;
  return (
    <>
      <PageHeader title="Nhập danh sách từ tệp" subtitle={unit.name} actions={<Link to={`/people/${unit.id}`}>‹ Danh sách</Link>} />
      <FormError message={result && !result.ok ? result.formError : undefined} />
      {preview && result?.ok ? (
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">Xem trước: {result.fileName}</h2>
          {preview.fileErrors.length ? (
            <div className="alert alert--error" role="alert">
              {preview.fileErrors.join(" ")}
            </div>
          ) : null}
          {preview.counts.error ? (
            <div className="alert alert--error" role="alert">
              Có {preview.counts.error} dòng lỗi. Chưa có dòng nào được ghi: hãy sửa các dòng dưới đây trong tệp rồi tải lên lại.
            </div>
          ) : !preview.fileErrors.length ? (
            <div className="alert alert--info">Tệp hợp lệ. Bấm “Ghi vào danh sách” để ghi tất cả các dòng; người có cùng mã sẽ được cập nhật theo tệp.</div>
          ) : null}
          {result.stagedId ? (
            <Form method="post" encType="multipart/form-data" className="form-actions" style={{ marginBottom: "1rem" }}>
              <input type="hidden" name="stagedId" value={result.stagedId} />
              <button type="submit" name="intent" value="commit" className="button" disabled={busy}>
                {busy ? "Đang ghi…" : "Ghi vào danh sách"}
              </button>
              <button type="submit" name="intent" value="cancel" className="button button--ghost" disabled={busy}>
                Hủy
              </button>
            </Form>
          ) : null}
          {preview.rows.length ? <ImportPreviewTable rows={preview.rows} counts={preview.counts} /> : null}
        </section>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="card form">
        <h2>{preview ? "Tải tệp khác" : "Chọn tệp"}</h2>
        <p>
          Tệp CSV (UTF-8) hoặc Excel (.xlsx), tối đa 5 MB, với các cột: Mã, Họ và tên, Loại, Khối, Lớp, Chức vụ.{" "}
          <a href={`/people/${unit.id}/template.xlsx`} download>
            Tải tệp mẫu
          </a>
          .
        </p>
        <div className="field">
          <label htmlFor="file">Tệp danh sách</label>
          <input id="file" name="file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
        </div>
        <div className="form-actions">
          <button type="submit" name="intent" value="preview" className="button" disabled={busy}>
            {busy ? "Đang kiểm tra…" : "Kiểm tra tệp"}
          </button>
        </div>
      </Form>
    </>
  );
}

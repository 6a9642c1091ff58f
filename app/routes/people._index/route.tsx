import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/shell";
import { reachOf, can, ownSchoolIds } from "~/domain/auth/permissions";
import { UNIT_KIND_LABELS } from "~/domain/units/vocabulary";
import { forbidden, requireActor } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { formatNumber } from "~/domain/shared/format";
import { DataTable } from "~/components/data-table";
import { mayListAllPeople } from "~/domain/auth/policies";
import { listUnits, peopleCounts } from "~/lib/people.server";
import { titled } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Danh sách người");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const own = ownSchoolIds(actor);
  if (own.length === 1 && !can(actor, "commune.read"))
    throw redirect(`/people/${own[0]}${new URL(request.url).search}`);
  if (!mayListAllPeople(actor)) forbidden();
  const units = await listUnits(db, { kinds: ["commune", "office", "school", "hamlet"], within: reachOf(actor) });
  const counts = await peopleCounts(
    db,
    units.map((u) => u.id),
  );
  return {
    units: units.map((u) => {
      const mine = counts.filter((c) => c.unit_id === u.id);
      const n = (cat: string) => Number(mine.find((c) => c.category === cat)?.n ?? 0);
      return {
        id: u.id,
        name: u.name,
        kind: u.kind,
        students: n("students"),
        staff: n("teachers") + n("school_managers") + n("school_staff"),
        officials: n("officials") + n("communication_staff"),
      };
    }),
  };
}

export default function PeopleIndex() {
  const { units } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Danh sách người theo đơn vị"
        subtitle="Cán bộ, giáo viên, nhân viên và học sinh đã được các đơn vị cập nhật. Học sinh chỉ hiển thị số lượng."
      />
      <DataTable
        label="Bảng dữ liệu, có thể cuộn ngang"
        rows={units}
        columns={[
          { header: "Đơn vị", cell: (u) => <Link to={`/people/${u.id}`}>{u.name}</Link> },
          { header: "Loại", cell: (u) => UNIT_KIND_LABELS[u.kind] },
          { header: "Cán bộ, giáo viên, nhân viên", count: (u) => (u.kind === "school" ? u.staff : u.officials) },
          { header: "Học sinh", className: "num", cell: (u) => (u.kind === "school" ? formatNumber(u.students) : "") },
        ]}
      />
    </>
  );
}

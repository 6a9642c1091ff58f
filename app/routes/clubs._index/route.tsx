import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FilterBar, FilterSelect } from "~/components/filters";
import { Pager } from "~/components/pager";
import { DeletedNotice, PageHeader } from "~/components/shell";
import { reachOf, can, ownSchoolIds } from "~/domain/auth/permissions";
import { listClubs, targetGrades, type ClubSort } from "~/domain/clubs/clubs";
import { CLUB_FIELD_LABELS, CLUB_STATUS_LABELS, CLUB_STATUSES } from "~/domain/clubs/vocabulary";
import { listUnits } from "~/domain/units/units";
import { requirePermission } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { formatNumber } from "~/domain/shared/format";
import { idParam, oneOf, pageParam } from "~/lib/params";
import { EmptyRow, TableWrap } from "~/components/table";

export const meta: MetaFunction = () => [{ title: "Câu lạc bộ STEM · Tân An STEM" }];

const PAGE_SIZE = 25;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requirePermission(request, context, "school.read");
  const url = new URL(request.url);
  const commune = can(actor, "commune.read");
  const schoolId = commune ? (idParam(url.searchParams.get("school") ?? undefined) ?? undefined) : undefined;
  const status = url.searchParams.get("status");
  const sort = oneOf<ClubSort>(
    url.searchParams.get("sort"),
    ["name", "members", "school"],
    commune ? "school" : "name",
  );
  const page = pageParam(url);
  const result = await listClubs(db, actor, {
    schoolId,
    status: CLUB_STATUSES.find((s) => s === status),
    page,
    pageSize: PAGE_SIZE,
    sort,
  });
  const own = ownSchoolIds(actor);
  return {
    ...result,
    page,
    sort,
    commune,
    schoolId: schoolId ?? null,
    status: status ?? "",
    schools: commune
      ? (await listUnits(db, { kinds: ["school"], within: reachOf(actor) })).map((s) => ({ id: s.id, name: s.name }))
      : [],
    canCreate: own.some((id) => can(actor, "school.manage", id)),
  };
}

export default function Clubs() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Câu lạc bộ STEM"
        subtitle="Câu lạc bộ, đội nhóm STEM và đổi mới sáng tạo trong trường học (mục III.2.5 của Kế hoạch: mỗi trường ít nhất một câu lạc bộ)."
        actions={
          d.canCreate ? (
            <Link to="/clubs/new" className="button">
              + Đăng ký câu lạc bộ
            </Link>
          ) : null
        }
      />
      <DeletedNotice />
      <FilterBar>
        {d.commune ? (
          <FilterSelect
            name="school"
            label="Trường"
            value={d.schoolId}
            all="Tất cả các trường"
            options={d.schools.map((x) => ({ value: x.id, label: x.name }))}
          />
        ) : null}
        <FilterSelect
          name="status"
          label="Trạng thái"
          value={d.status}
          all="Tất cả"
          options={CLUB_STATUSES.map((x) => ({ value: x, label: CLUB_STATUS_LABELS[x] }))}
        />
        <FilterSelect
          name="sort"
          label="Sắp xếp"
          value={d.sort}
          options={[
            { value: "name", label: "Theo tên" },
            { value: "members", label: "Nhiều học sinh nhất" },
            ...(d.commune ? [{ value: "school", label: "Theo trường" }] : []),
          ]}
        />
      </FilterBar>
      <TableWrap label="Bảng dữ liệu, có thể cuộn ngang">
        <table>
          <thead>
            <tr>
              <th scope="col">Câu lạc bộ</th>
              {d.commune ? <th scope="col">Trường</th> : null}
              <th scope="col">Lĩnh vực</th>
              <th scope="col">Khối</th>
              <th scope="col" className="num">
                Học sinh
              </th>
              <th scope="col" className="num">
                Giáo viên
              </th>
              <th scope="col" className="num">
                Buổi sinh hoạt
              </th>
              <th scope="col">Trạng thái</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/clubs/${c.id}`}>{c.name}</Link>
                </td>
                {d.commune ? <td>{c.school_name}</td> : null}
                <td>{CLUB_FIELD_LABELS[c.field]}</td>
                <td>
                  {targetGrades(c)
                    .map((g) => (g === 0 ? "Mầm non" : g))
                    .join(", ")}
                </td>
                <td className="num">{formatNumber(c.student_members)}</td>
                <td className="num">{formatNumber(c.teacher_members)}</td>
                <td className="num">{formatNumber(c.meetings)}</td>
                <td>
                  <span
                    className={`badge ${c.status === "active" ? "badge--green" : c.status === "paused" ? "badge--amber" : ""}`}
                  >
                    {CLUB_STATUS_LABELS[c.status]}
                  </span>
                </td>
              </tr>
            ))}
            <EmptyRow show={d.rows.length === 0} colSpan={8}>
              Chưa có câu lạc bộ nào{d.canCreate ? ". Bấm “Đăng ký câu lạc bộ” để thêm." : "."}
            </EmptyRow>
          </tbody>
        </table>
      </TableWrap>
      <Pager page={d.page} pageSize={25} total={d.total} />
    </>
  );
}

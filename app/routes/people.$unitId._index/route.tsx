import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { DownloadLink, FilterBar, FilterSelect, NoMatch, SearchField, SortSelect } from "~/components/filters";
import { ListPage } from "~/components/list-page";
import { Notice } from "~/components/shell";
import { PERSON_CATEGORY_LABELS, personCategoriesFor } from "~/domain/people/vocabulary";
import { db } from "~/lib/db.server";
import { formatDate, formatNumber } from "~/domain/shared/format";
import { pageParam } from "~/lib/params";
import { listPeople, parsePeopleQuery, peopleCounts, requirePeopleUnit, schoolClasses } from "~/lib/people.server";
import { DataTable } from "~/components/data-table";
import { canManagePeople, canSeeNames } from "~/domain/auth/policies";
import { titledBy } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titledBy<typeof loader>((d) => `Danh sách người · ${d.unit.name}`, "Danh sách người");

const PAGE_SIZE = 50;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor, unit } = await requirePeopleUnit(request, context, params.unitId);
  const url = new URL(request.url);
  const categories = personCategoriesFor(unit.kind);
  const { category, q, className, includeLeft, sort } = parsePeopleQuery(url, unit);
  const page = pageParam(url);
  const counts = await peopleCounts(db, [unit.id]);
  const showNames = canSeeNames(actor, unit, category);
  const students = category === "students";
  const [list, classes] = showNames
    ? await Promise.all([
        listPeople(db, unit.id, { categories: [category], q, className, page, pageSize: PAGE_SIZE, sort, includeLeft }),
        students ? schoolClasses(db, unit.id) : [],
      ])
    : [null, []];
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    categories: categories.map((c) => ({ category: c, count: Number(counts.find((x) => x.category === c)?.n ?? 0) })),
    category,
    showNames,
    list,
    classes,
    page,
    q: q ?? "",
    className: className ?? "",
    sort,
    canManage: canManagePeople(actor, unit),
    includeLeft,
  };
}

export default function PeopleList() {
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const hrefFor = (category: string) => `?category=${category}`;
  const students = data.category === "students";
  return (
    <ListPage
      title={`Danh sách người · ${data.unit.name}`}
      subtitle="Danh sách từng người (mã dùng để điểm danh và đối chiếu khi nhập tệp). Số liệu khai báo ở Trang chủ là mẫu số của chỉ tiêu và có thể khác số người trong danh sách."
      actions={
        <>
          <DownloadLink
            to={`/people/${data.unit.id}/export.xlsx`}
            label={data.showNames ? "Tải Excel (.xlsx)" : "Tải số học sinh theo lớp (.xlsx)"}
          />
          {data.canManage ? (
            <>
              <Link className="button" to={`/people/${data.unit.id}/new?category=${data.category}`}>
                + Thêm người
              </Link>
              <Link className="button button--ghost" to={`/people/${data.unit.id}/import`}>
                Nhập từ tệp
              </Link>
              {data.unit.kind === "school" ? (
                <Link className="button button--ghost" to={`/people/${data.unit.id}/homerooms`}>
                  Giáo viên chủ nhiệm
                </Link>
              ) : null}
            </>
          ) : null}
        </>
      }
      pager={data.showNames && data.list && { page: data.page, pageSize: PAGE_SIZE, total: data.list.total }}
    >
      <Notice when={params.get("saved")}>Đã lưu.</Notice>
      {params.get("imported") ? (
        <div className="alert alert--success" role="status">
          Đã nhập danh sách: {params.get("imported")}
        </div>
      ) : null}
      <nav className="tabs" aria-label="Loại người">
        {data.categories.map((c) => (
          <Link
            key={c.category}
            to={hrefFor(c.category)}
            className={c.category === data.category ? "active" : undefined}
            aria-current={c.category === data.category ? "page" : undefined}
          >
            {PERSON_CATEGORY_LABELS[c.category]} ({formatNumber(c.count)})
          </Link>
        ))}
      </nav>
      {!data.showNames || !data.list ? (
        <div className="alert alert--info">
          Trường đang có{" "}
          <strong>{formatNumber(data.categories.find((c) => c.category === data.category)?.count ?? 0)}</strong>{" "}
          {PERSON_CATEGORY_LABELS[data.category].toLowerCase()}. Họ tên học sinh chỉ hiển thị cho cán bộ, giáo viên của
          trường.
        </div>
      ) : (
        <>
          <FilterBar role="search" label="Tìm người">
            <input type="hidden" name="category" value={data.category} />
            <SearchField label="Tìm theo tên hoặc mã" value={data.q} placeholder="không cần dấu" />
            {students ? (
              <FilterSelect
                name="class"
                label="Lớp"
                value={data.className}
                all="Mọi lớp"
                options={data.classes.map((c) => ({ value: c, label: c }))}
              />
            ) : null}
            <SortSelect
              value={data.sort}
              orders={{ name: "Theo tên", code: "Theo mã", ...(students ? { class: "Theo lớp" } : {}) }}
            />
            <label className="checkbox">
              <input type="checkbox" name="left" value="1" defaultChecked={data.includeLeft} /> Hiện cả người đã rời
            </label>
          </FilterBar>
          <DataTable
            label="Bảng dữ liệu, có thể cuộn ngang"
            rows={data.list.rows}
            columns={[
              {
                header: "Mã",
                cell: (p) => (data.canManage ? <Link to={`/people/${data.unit.id}/${p.id}`}>{p.code}</Link> : p.code),
              },
              { header: "Họ và tên", cell: (p) => p.full_name },
              { header: "Khối", show: students, cell: (p) => p.grade },
              { header: "Lớp", show: students, cell: (p) => p.class_name },
              { header: "Chức vụ", show: !students, cell: (p) => p.position },
              {
                header: "Trạng thái",
                lead: true,
                className: "hide-phone",
                cell: (p) =>
                  p.left_on ? (
                    <span className="badge">Đã rời {formatDate(p.left_on)}</span>
                  ) : (
                    <span className="badge badge--green">
                      {p.category === "students" ? "Đang học" : "Đang công tác"}
                    </span>
                  ),
              },
            ]}
            empty={
              <NoMatch
                what="người"
                keep={["category"]}
                none={`Chưa có ai trong danh sách này.${data.canManage ? " Hãy thêm từng người hoặc nhập từ tệp." : ""}`}
              />
            }
            emptyColSpan={5}
          />
        </>
      )}
    </ListPage>
  );
}

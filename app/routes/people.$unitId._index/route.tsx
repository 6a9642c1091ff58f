import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { FilterBar, FilterSelect } from "~/components/filters";
import { Pager } from "~/components/pager";
import { Notice, PageHeader } from "~/components/shell";
import type { PersonCategory } from "../../../db/schema";
import { listPeople, peopleCounts, type PersonSort } from "~/domain/people/people";
import { PERSON_CATEGORY_LABELS, personCategoriesFor } from "~/domain/people/vocabulary";
import { db } from "~/lib/db.server";
import { formatDate, formatNumber } from "~/domain/shared/format";
import { oneOf, pageParam } from "~/lib/params";
import { requirePeopleUnit } from "~/lib/people.server";
import { EmptyRow, TableWrap } from "~/components/table";
import { canManagePeople, canSeeNames } from "~/domain/auth/policies";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Danh sách người · ${data?.unit.name ?? ""} · Tân An STEM` },
];

const PAGE_SIZE = 50;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor, unit } = await requirePeopleUnit(request, context, params.unitId);
  const url = new URL(request.url);
  const categories = personCategoriesFor(unit.kind);
  const category = oneOf<PersonCategory>(url.searchParams.get("category"), categories, categories[0]);
  const sort = oneOf<PersonSort>(
    url.searchParams.get("sort"),
    ["name", "code", "class"],
    category === "students" ? "class" : "name",
  );
  const page = pageParam(url);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const counts = await peopleCounts(db, [unit.id]);
  const showNames = canSeeNames(actor, unit, category);
  const list = showNames
    ? await listPeople(db, unit.id, {
        categories: [category],
        q: q || undefined,
        page,
        pageSize: PAGE_SIZE,
        sort,
        includeLeft: url.searchParams.get("left") === "1",
      })
    : null;
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    categories: categories.map((c) => ({ category: c, count: Number(counts.find((x) => x.category === c)?.n ?? 0) })),
    category,
    showNames,
    list,
    page,
    q,
    sort,
    canManage: canManagePeople(actor, unit),
    includeLeft: url.searchParams.get("left") === "1",
  };
}

export default function PeopleList() {
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const hrefFor = (category: string) => `?category=${category}`;
  return (
    <>
      <PageHeader
        title={`Danh sách người · ${data.unit.name}`}
        subtitle="Danh sách từng người (mã dùng để điểm danh và đối chiếu khi nhập tệp). Số liệu khai báo ở Trang chủ là mẫu số của chỉ tiêu và có thể khác số người trong danh sách."
        actions={
          data.canManage ? (
            <>
              <Link className="button" to={`/people/${data.unit.id}/new?category=${data.category}`}>
                + Thêm người
              </Link>
              <Link className="button button--ghost" to={`/people/${data.unit.id}/import`}>
                Nhập từ tệp
              </Link>
            </>
          ) : null
        }
      />
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
            <div className="field">
              <label htmlFor="q">Tìm theo tên hoặc mã</label>
              <input id="q" name="q" defaultValue={data.q} />
            </div>
            <FilterSelect
              name="sort"
              label="Sắp xếp"
              value={data.sort}
              options={[
                { value: "name", label: "Theo tên" },
                { value: "code", label: "Theo mã" },
                ...(data.category === "students" ? [{ value: "class", label: "Theo lớp" }] : []),
              ]}
            />
            <label className="checkbox">
              <input type="checkbox" name="left" value="1" defaultChecked={data.includeLeft} /> Hiện cả người đã rời
            </label>
          </FilterBar>
          <TableWrap label="Bảng dữ liệu, có thể cuộn ngang">
            <table>
              <thead>
                <tr>
                  <th scope="col">Mã</th>
                  <th scope="col">Họ và tên</th>
                  {data.category === "students" ? (
                    <>
                      <th scope="col">Khối</th>
                      <th scope="col">Lớp</th>
                    </>
                  ) : (
                    <th scope="col">Chức vụ</th>
                  )}
                  <th scope="col" className="hide-phone">
                    Trạng thái
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.list.rows.map((p) => (
                  <tr key={p.id}>
                    <td>{data.canManage ? <Link to={`/people/${data.unit.id}/${p.id}`}>{p.code}</Link> : p.code}</td>
                    <td>{p.full_name}</td>
                    {data.category === "students" ? (
                      <>
                        <td>{p.grade}</td>
                        <td>{p.class_name}</td>
                      </>
                    ) : (
                      <td>{p.position}</td>
                    )}
                    <td className="hide-phone">
                      {p.left_on ? (
                        <span className="badge">Đã rời {formatDate(p.left_on)}</span>
                      ) : (
                        <span className="badge badge--green">
                          {p.category === "students" ? "Đang học" : "Đang công tác"}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
                <EmptyRow show={data.list.rows.length === 0} colSpan={5}>
                  {data.q
                    ? `Không tìm thấy ai với “${data.q}”.`
                    : `Chưa có ai trong danh sách này.${data.canManage ? " Hãy thêm từng người hoặc nhập từ tệp." : ""}`}
                </EmptyRow>
              </tbody>
            </table>
          </TableWrap>
          <Pager page={data.page} pageSize={PAGE_SIZE} total={data.list.total} />
        </>
      )}
    </>
  );
}

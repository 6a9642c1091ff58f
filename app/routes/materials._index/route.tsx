import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DownloadLink, FilterBar, FilterSelect, NoMatch, SearchField, UnitSelect } from "~/components/filters";
import { DataTable } from "~/components/data-table";
import { ListPage } from "~/components/list-page";
import { reachOf, can } from "~/domain/auth/permissions";
import { MATERIAL_KIND_LABELS, MATERIAL_KINDS, VISIBILITY_LABELS } from "~/domain/materials/vocabulary";
import { gradeLabel } from "~/domain/units/vocabulary";
import { requireActor } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { formatDate, formatNumber } from "~/domain/shared/format";
import {
  gradeChoices,
  listMaterials,
  listUnits,
  listVocabulary,
  parseMaterialFilter,
  storageUse,
  uploadSchool,
} from "~/lib/materials.server";
import { pageParam } from "~/lib/params";
import { pageOf } from "~/components/page-texts";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const { handle, meta } = pageOf("materials");

const PAGE_SIZE = 20;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const url = new URL(request.url);
  const p = url.searchParams;
  const page = pageParam(url);
  const filter = parseMaterialFilter(url);
  const school = await uploadSchool(actor);
  const [list, vocabulary, schools, grades] = await Promise.all([
    listMaterials(db, actor, filter, { page, pageSize: PAGE_SIZE }),
    listVocabulary(db),
    listUnits(db, { kinds: ["school"], within: reachOf(actor) }),
    gradeChoices(db, actor),
  ]);
  return {
    ...list,
    page,
    pageSize: PAGE_SIZE,
    values: Object.fromEntries(p),
    topics: vocabulary.topics.filter((t) => !t.parent_code),
    schools: schools.map((s) => ({ id: s.id, name: s.name })),
    // The school's own grades; a grade asked for in the address stays offered, so the filter shows what is applied.
    grades: filter.grade === undefined || grades.includes(filter.grade) ? grades : [...grades, filter.grade],
    canUpload: !!school,
    storage: school ? { school: school.name, ...(await storageUse(db, school.id)) } : null,
    commune: can(actor, "commune.read"),
  };
}

const mb = (n: number) => formatNumber(Math.round((n / 1024 / 1024) * 10) / 10);

export default function Materials() {
  const d = useLoaderData<typeof loader>();
  return (
    <ListPage
      actions={<DownloadLink to="/materials/export.xlsx" />}
      create={d.canUpload && { to: "/materials/new", label: "+ Đăng học liệu" }}
      pager={d}
    >
      {d.storage ? (
        <p className="muted">
          Dung lượng của {d.storage.school}: {mb(d.storage.used)} MB / {mb(d.storage.quota)} MB{" "}
          <progress max={d.storage.quota} value={d.storage.used} aria-label="Dung lượng đã dùng" />
        </p>
      ) : null}
      <FilterBar role="search" label="Tìm học liệu">
        <SearchField label="Tìm (không cần dấu)" value={d.values.q ?? ""} placeholder="ví dụ: chuyen doi so" />
        <FilterSelect
          name="topic"
          label="Nội dung"
          value={d.values.topic}
          all="Mọi nội dung"
          options={d.topics.map((t) => ({ value: t.code, label: t.label }))}
        />
        <FilterSelect
          name="kind"
          label="Loại"
          value={d.values.kind}
          all="Mọi loại"
          options={MATERIAL_KINDS.map((k) => ({ value: k, label: MATERIAL_KIND_LABELS[k] }))}
        />
        <FilterSelect
          name="grade"
          label="Khối"
          value={d.values.grade}
          all="Mọi khối"
          options={d.grades.map((g) => ({ value: g, label: gradeLabel(g) }))}
        />
        <UnitSelect name="school" label="Trường" value={d.values.school} all="Mọi trường" units={d.schools} />
      </FilterBar>
      <DataTable
        label="Danh sách học liệu"
        rows={d.rows}
        columns={[
          { header: "Học liệu", cell: (m) => <Link to={`/materials/${m.id}`}>{m.title}</Link> },
          { header: "Loại", cell: (m) => MATERIAL_KIND_LABELS[m.kind] },
          { header: "Trường", className: "hide-phone", cell: (m) => m.school_name },
          { header: "Chia sẻ", className: "hide-phone", cell: (m) => VISIBILITY_LABELS[m.visibility] },
          { header: "Ngày đăng", cell: (m) => formatDate(m.created_at) },
        ]}
        empty={<NoMatch what="học liệu" />}
      />
    </ListPage>
  );
}

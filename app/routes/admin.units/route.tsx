import { reachOf } from "~/domain/auth/permissions";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormActions, FormError, SelectField, TextField, useValidatedForm } from "~/components/forms";
import { PageHeader } from "~/components/shell";

import { createUnitSchema } from "~/domain/units/schemas";
import { SCHOOL_LEVEL_LABELS, SCHOOL_LEVELS, UNIT_KIND_LABELS } from "~/domain/units/vocabulary";
import { forbidden, requireActor } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { parseForm } from "~/lib/forms";
import { TableWrap } from "~/components/table";
import { FilterBar, FilterSelect } from "~/components/filters";
import { Pager } from "~/components/pager";
import { idParam, pageParam } from "~/lib/params";
import { domainFailure, readForm } from "~/lib/forms.server";
import { mayManageUnits, mayOpenAdmin } from "~/domain/auth/policies";
import { createUnit, listUnits } from "~/lib/admin.server";
import { titled } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

const PAGE_SIZE = 50;

export const meta = titled("Đơn vị · Quản trị");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  if (!mayOpenAdmin(actor)) forbidden();
  const all = await listUnits(db, { within: mayManageUnits(actor) ? null : reachOf(actor) });
  const communes = all.filter((u) => u.kind === "commune").map((u) => ({ id: u.id, name: u.name }));
  const names = new Map(all.map((u) => [u.id, u.name]));
  // A province holds a thousand units or more: one commune at a time (its own units and itself), in pages.
  const url = new URL(request.url);
  const commune = idParam(url.searchParams.get("commune") ?? undefined);
  const shown = commune ? all.filter((u) => u.id === commune || u.parent_id === commune) : all;
  const page = pageParam(url);
  return {
    units: shown
      .slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
      .map((u) => ({ ...u, parentName: u.parent_id ? (names.get(u.parent_id) ?? "") : "" })),
    total: shown.length,
    page,
    commune,
    communes,
    canCreate: mayManageUnits(actor),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  if (!mayManageUnits(actor)) forbidden();
  const formData = await readForm(request);
  const parsed = parseForm(createUnitSchema, formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  try {
    const id = await createUnit(db, actor, parsed.data, context.clientIp);
    return redirect(`/units/${id}`);
  } catch (e) {
    return domainFailure(e, formData);
  }
}

export default function Units() {
  const { units, total, page, commune, communes, canCreate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { form, onSubmit, errorFor, value, bind, formError } = useValidatedForm(createUnitSchema, { actionData });
  const kind = form.watch("kind") ?? value("kind");
  return (
    <>
      <PageHeader title="Đơn vị" subtitle="Cây tổ chức: tỉnh → xã → phòng ban, trường học, ấp." />
      {communes.length > 1 ? (
        <FilterBar label="Lọc theo xã" button="Xem">
          <FilterSelect
            name="commune"
            label="Xã"
            value={commune ?? ""}
            all="Tất cả các xã"
            options={communes.map((c) => ({ value: c.id, label: c.name }))}
          />
        </FilterBar>
      ) : null}
      <TableWrap label="Bảng dữ liệu, có thể cuộn ngang">
        <table>
          <thead>
            <tr>
              <th scope="col">Tên đơn vị</th>
              <th scope="col">Loại</th>
              {communes.length > 1 ? <th scope="col">Thuộc</th> : null}
              <th scope="col">Cấp học</th>
              <th scope="col">Mã</th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.id}>
                <td>{u.kind === "province" ? u.name : <Link to={`/units/${u.id}`}>{u.name}</Link>}</td>
                <td>{UNIT_KIND_LABELS[u.kind]}</td>
                {communes.length > 1 ? <td>{u.parentName}</td> : null}
                <td>{u.school_level ? SCHOOL_LEVEL_LABELS[u.school_level] : ""}</td>
                <td className="muted">{u.code}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <Pager page={page} pageSize={PAGE_SIZE} total={total} />
      {canCreate ? (
        <>
          <h2>Thêm đơn vị</h2>
          <FormError message={formError} />
          <Form method="post" noValidate onSubmit={onSubmit} className="card form">
            <SelectField
              label="Loại đơn vị"
              required
              {...bind("kind")}
              placeholder="— Chọn loại —"
              hint="Chọn “Xã” để thêm một xã mới của tỉnh."
              options={(["school", "office", "hamlet", "commune"] as const).map((k) => ({
                value: k,
                label: UNIT_KIND_LABELS[k],
              }))}
            />
            {kind !== "commune" ? (
              <SelectField
                label="Thuộc xã"
                required
                reg={form.register("parentId")}
                defaultValue={
                  value("parentId") || (commune ? String(commune) : communes.length === 1 ? String(communes[0].id) : "")
                }
                error={errorFor("parentId")}
                placeholder="— Chọn xã —"
                options={communes.map((c) => ({ value: String(c.id), label: c.name }))}
                hint="Phòng ban, trường học và ấp thuộc một xã."
              />
            ) : null}
            <TextField label="Tên đơn vị" required {...bind("name")} hint="Ví dụ: Trường Tiểu học Tân An C" />
            <TextField label="Tên viết tắt (không bắt buộc)" {...bind("shortName")} />
            <SelectField
              label="Cấp học (với trường học)"
              {...bind("schoolLevel")}
              placeholder="— Không áp dụng —"
              options={SCHOOL_LEVELS.map((l) => ({ value: l, label: SCHOOL_LEVEL_LABELS[l] }))}
            />
            <TextField label="Địa chỉ (không bắt buộc)" {...bind("address")} />
            <FormActions label="Thêm đơn vị" busy={navigation.state === "submitting"} />
          </Form>
        </>
      ) : null}
    </>
  );
}

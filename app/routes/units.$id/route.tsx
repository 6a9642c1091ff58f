import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { FilterBar, FilterSelect, YEARS } from "~/components/filters";
import { FormError } from "~/components/forms";
import { PageHeader } from "~/components/shell";
import { can } from "~/domain/auth/permissions";
import { DomainError } from "~/domain/shared/errors";
import { documentSettingsSchema, headcountFormSchema } from "~/domain/units/schemas";
import { DocumentSettingsForm } from "~/components/document-settings-form";
import { domainFailure, readForm } from "~/lib/forms.server";
import {
  gradeLabel,
  HEADCOUNT_CATEGORY_LABELS,
  SCHOOL_LEVEL_LABELS,
  UNIT_KIND_LABELS,
} from "~/domain/units/vocabulary";
import { notFound, requireActor } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { formatNumber } from "~/domain/shared/format";
import { failure, parseForm, zodFieldErrors } from "~/lib/forms";
import { idParam, yearParam } from "~/lib/params";
import { mayEditHeadcounts, mayManageUnitPaperwork, mayReadUnitPage, refuse, seesUnit } from "~/domain/auth/policies";
import {
  documentDefaults,
  getHeadcounts,
  getUnit,
  saveDocumentSettings,
  saveHeadcounts,
  setQuota,
  storageUse,
} from "~/lib/units.server";
import { titledBy } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titledBy<typeof loader>((d) => d.unit.name, "Đơn vị");

async function loadUnitFor(request: Request, context: LoaderFunctionArgs["context"], id: string | undefined) {
  const actor = await requireActor(request, context);
  const unitId = idParam(id);
  const unit = unitId ? await getUnit(db, unitId) : undefined;
  if (!unit || unit.kind === "province") notFound();
  // A school's page: its own staff and the commune's readers (headcounts only, no names); other schools get 404.
  if (!mayReadUnitPage(actor, unit)) refuse(seesUnit(actor, unit));
  return { actor, unit };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor, unit } = await loadUnitFor(request, context, params.id);
  const year = yearParam(new URL(request.url));
  const slots = await getHeadcounts(db, unit, year);
  const canEdit = mayEditHeadcounts(actor, unit.id);
  // A year with no figures yet starts from last year's, to check and save, instead of an empty form.
  const empty = slots.every((s) => s.count === null);
  const previous = empty && canEdit ? (await getHeadcounts(db, unit, year - 1)).filter((s) => s.count !== null) : [];
  const storage = unit.kind === "school" ? await storageUse(db, unit.id) : null;
  return {
    unit,
    year,
    slots,
    canEdit,
    storage,
    canSetQuota: unit.kind === "school" && can(actor, "commune.manage"),
    // Who signs the unit's reports, for those who keep its paperwork (issue 18).
    documents: mayManageUnitPaperwork(actor, unit)
      ? {
          values: {
            signerName: unit.signer_name ?? "",
            signerTitle: unit.signer_title ?? "",
            docAbbreviation: unit.doc_abbreviation ?? "",
          },
          ...documentDefaults(unit),
        }
      : null,
    prefill: previous.length ? Object.fromEntries(previous.map((s) => [`${s.category}:${s.grade}`, s.count])) : null,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor, unit } = await loadUnitFor(request, context, params.id);
  const year = yearParam(new URL(request.url));
  const formData = await readForm(request);
  if (formData.get("intent") === "documents") {
    if (!mayManageUnitPaperwork(actor, unit)) refuse(seesUnit(actor, unit));
    const parsed = parseForm(documentSettingsSchema, formData);
    if (!parsed.ok) return data({ ...parsed, intent: "documents" }, { status: 400 });
    try {
      await saveDocumentSettings(db, actor, unit, parsed.data, context.clientIp);
    } catch (e) {
      return domainFailure(e, formData, { intent: "documents" });
    }
    return redirect(`/units/${unit.id}?year=${year}&documents=1`);
  }
  if (formData.get("intent") === "quota") {
    try {
      await setQuota(
        db,
        actor,
        unit.id,
        Number(String(formData.get("quota") ?? "").replace(/[.\s]/g, "")),
        context.clientIp,
      );
    } catch (e) {
      return domainFailure(e, formData);
    }
    return redirect(`/units/${unit.id}?year=${year}&saved=1`);
  }
  const raw = Object.fromEntries([...formData.entries()].filter(([k, v]) => k.includes(":") && typeof v === "string"));
  const parsed = headcountFormSchema.safeParse(raw);
  if (!parsed.success)
    return data(
      failure(formData, zodFieldErrors(parsed.error), "Một số ô chưa hợp lệ, vui lòng sửa các ô được đánh dấu."),
      { status: 400 },
    );
  try {
    await saveHeadcounts(db, actor, unit, year, parsed.data, context.clientIp);
  } catch (e) {
    if (e instanceof DomainError) return data(failure(formData, {}, e.message), { status: 403 });
    throw e;
  }
  return redirect(`/units/${unit.id}?year=${year}&saved=1`);
}

export default function UnitPage() {
  const { unit, year, slots, canEdit, prefill, storage, canSetQuota, documents } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const values = actionData && !actionData.ok ? actionData.values : {};
  const errors = actionData && !actionData.ok ? actionData.errors : {};
  const categories = [...new Set(slots.map((s) => s.category))];
  return (
    <>
      <PageHeader
        title={unit.name}
        subtitle={`${UNIT_KIND_LABELS[unit.kind]}${unit.school_level ? " · " + SCHOOL_LEVEL_LABELS[unit.school_level] : ""} · Số người năm ${year}`}
        actions={
          <FilterBar label="Chọn năm" button="Xem">
            <FilterSelect name="year" label="Năm" value={year} options={YEARS} />
          </FilterBar>
        }
      />
      {params.get("saved") ? (
        <div className="alert alert--success" role="status">
          Đã lưu số liệu năm {year}.
        </div>
      ) : null}
      <FormError message={actionData && !actionData.ok ? actionData.formError : undefined} />
      {prefill ? (
        <div className="alert alert--warning" role="status">
          Năm {year} chưa có số liệu: các ô đã được điền sẵn theo năm {year - 1}. Hãy kiểm tra, sửa rồi bấm “Lưu”.
        </div>
      ) : null}
      <p className="muted">
        Số người của đơn vị trong năm: dùng để tính tỷ lệ trong các chỉ tiêu (ví dụ: tỷ lệ giáo viên được tuyên truyền
        về Nghị quyết 57).
        {canEdit ? " Để trống ô chưa có số liệu." : ""}
      </p>
      <Form method="post" className="card form">
        {categories.map((category) => (
          <fieldset key={category} style={{ border: 0, padding: 0, margin: "0 0 1rem" }}>
            <legend>
              <strong>{HEADCOUNT_CATEGORY_LABELS[category]}</strong>
            </legend>
            <div className="form-row">
              {slots
                .filter((s) => s.category === category)
                .map((s) => {
                  const key = `${s.category}:${s.grade}`;
                  const label = s.category === "students" ? gradeLabel(s.grade) : "Số người";
                  const v = values[key];
                  return (
                    <div className={`field${errors[key] ? " field--error" : ""}`} key={key}>
                      <label htmlFor={key}>{label}</label>
                      {canEdit ? (
                        <input
                          id={key}
                          name={key}
                          inputMode="numeric"
                          defaultValue={typeof v === "string" ? v : (s.count ?? prefill?.[key] ?? "")}
                          aria-invalid={errors[key] ? true : undefined}
                          aria-describedby={errors[key] ? `${key}-error` : undefined}
                        />
                      ) : (
                        <output id={key}>{formatNumber(s.count)}</output>
                      )}
                      {errors[key] ? (
                        <p className="field__error" id={`${key}-error`}>
                          {errors[key]}
                        </p>
                      ) : null}
                    </div>
                  );
                })}
            </div>
          </fieldset>
        ))}
        {canEdit ? (
          <div className="form-actions">
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              Lưu số liệu năm {year}
            </button>
          </div>
        ) : null}
      </Form>
      {params.get("documents") ? (
        <div className="alert alert--success" role="status">
          Đã lưu thông tin văn bản của đơn vị.
        </div>
      ) : null}
      {documents ? (
        <DocumentSettingsForm
          defaults={documents.values}
          titleHint={`Để trống: “${documents.title}”.`}
          abbreviationHint={`Dòng số hiệu sẽ là “Số: …/BC-${documents.values.docAbbreviation || documents.abbreviation}”. Để trống: “${documents.abbreviation}”.`}
          actionData={actionData}
        />
      ) : null}
      {storage ? (
        <section className="card">
          <h2>Lưu trữ học liệu</h2>
          <p>
            Đã dùng {formatNumber(Math.round(storage.used / 1024 / 1024))} MB /{" "}
            {formatNumber(Math.round(storage.quota / 1024 / 1024))} MB.
          </p>
          {canSetQuota ? (
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="quota" />
              <label htmlFor="quota">Hạn mức (MB)</label>
              <input
                id="quota"
                name="quota"
                inputMode="numeric"
                defaultValue={Math.round(storage.quota / 1024 / 1024)}
              />
              <button type="submit" className="button button--ghost button--small">
                Đặt hạn mức
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

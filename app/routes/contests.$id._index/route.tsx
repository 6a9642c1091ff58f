import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams, useLocation } from "@remix-run/react";
import { InlineDelete } from "~/components/confirm-delete";
import { EntryForm } from "~/components/contest-forms";
import { IntentError } from "~/components/forms";
import { RecordHeader } from "~/components/record-header";
import { Notice } from "~/components/shell";
import { can, ownSchoolIds } from "~/domain/auth/permissions";
import { entrySchema, resultSchema } from "~/domain/contests/schemas";
import {
  CONTEST_LEVEL_LABELS,
  CONTEST_RESULT_LABELS,
  CONTEST_RESULTS,
  contestFieldLabel,
} from "~/domain/contests/vocabulary";
import { DomainError } from "~/domain/shared/errors";
import { ClassPicker } from "~/components/class-picker";
import { forbidden } from "~/lib/auth.server";
import {
  createEntry,
  deleteEntry,
  entryCandidates,
  getEntry,
  getUnit,
  listEntries,
  recordResult,
  releaseUnclaimed,
  requireContest,
  schoolClasses,
  storeSmallFile,
} from "~/lib/contests.server";
import { db } from "~/lib/db.server";
import { formatDateRange } from "~/domain/shared/format";
import { failure, parseForm } from "~/lib/forms";
import { idParam } from "~/lib/params";
import { fileFrom, readSmallMultipart } from "~/lib/upload.server";
import { DataTable } from "~/components/data-table";
import { canManageContest, canRecordResult, mayDeleteEntry, mayReadEntry } from "~/domain/auth/policies";
import { titledBy } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titledBy<typeof loader>((d) => d.contest.name, "Cuộc thi");

const EVIDENCE_MAX = 10 * 1024 * 1024;

/** The school an administrator enters contests for: their own school, when they manage one. */
function entrySchoolId(actor: Parameters<typeof can>[0]): number | undefined {
  return ownSchoolIds(actor).find((id) => can(actor, "school.manage", id));
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor, contest } = await requireContest(request, context, params.id);
  const schoolId = entrySchoolId(actor);
  const mayEnter = !!schoolId && (contest.organizer.kind !== "school" || contest.organizer_unit_id === schoolId);
  const entries = await listEntries(db, actor, contest.id);
  return {
    contest: { ...contest, organizerName: contest.organizer.name },
    canManage: canManageContest(actor, contest.organizer),
    entries: entries.map((e) => ({
      ...e,
      canRecord: canRecordResult(actor, e, contest),
      canDelete: mayDeleteEntry(actor, e),
    })),
    candidates: mayEnter
      ? await entryCandidates(db, schoolId!, new URL(request.url).searchParams.getAll("class"))
      : { people: [], more: false },
    classes: mayEnter ? await schoolClasses(db, schoolId!) : [],
    chosenClasses: new URL(request.url).searchParams.getAll("class"),
    mayEnter,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor, contest } = await requireContest(request, context, params.id);
  let formData: FormData;
  try {
    formData = await readSmallMultipart(request, EVIDENCE_MAX);
  } catch (e) {
    if (e instanceof DomainError)
      return data({ ...failure(new FormData(), { file: e.message }), intent: "result" }, { status: 400 });
    throw e;
  }
  const intent = formData.get("intent");
  try {
    if (intent === "add-entry") {
      const schoolId = entrySchoolId(actor);
      const school = schoolId ? await getUnit(db, schoolId) : undefined;
      if (!school) forbidden("Chỉ ban giám hiệu của trường mới đăng ký bài dự thi.");
      const parsed = parseForm(entrySchema, formData);
      if (!parsed.ok) return data({ ...parsed, intent }, { status: 400 });
      await createEntry(db, actor, contest, school, parsed.data);
      return redirect(`/contests/${contest.id}?entry=1#entries`);
    }
    const entryId = idParam(String(formData.get("entryId") ?? ""));
    const entry = entryId ? await getEntry(db, entryId) : undefined;
    // Another school's entry is answered exactly like a missing one.
    if (!entry || entry.contest_id !== contest.id || !mayReadEntry(actor, entry))
      return data({ ...failure(formData, {}, "Không tìm thấy bài dự thi."), intent }, { status: 404 });
    if (intent === "result") {
      if (!canRecordResult(actor, entry, contest)) forbidden();
      const parsed = resultSchema.safeParse({ result: formData.get("result") ?? "" });
      if (!parsed.success)
        return data({ ...failure(formData, { result: "Kết quả không hợp lệ." }), intent, entryId }, { status: 400 });
      const file = await fileFrom(formData);
      const stored = file ? await storeSmallFile(db, file.data) : undefined;
      await recordResult(
        db,
        actor,
        contest,
        entry,
        parsed.data.result || null,
        stored && file ? { key: stored.sha256, name: file.name } : undefined,
      ).catch(async (e: unknown) => {
        await releaseUnclaimed(db, stored); // refused: the evidence just stored goes at once
        throw e;
      });
      return redirect(`/contests/${contest.id}?result=1#entries`);
    }
    if (intent === "delete-entry") {
      await deleteEntry(db, actor, entry, formData.get("confirm") === "yes");
      return redirect(`/contests/${contest.id}#entries`);
    }
  } catch (e) {
    if (e instanceof DomainError)
      return data(
        { ...failure(formData, { [e.field ?? "_form"]: e.message }), intent, entryId: formData.get("entryId") },
        { status: 400 },
      );
    throw e;
  }
  return data({ ...failure(formData, {}, "Thao tác không hợp lệ."), intent }, { status: 400 });
}

export default function ContestDetail() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const location = useLocation();
  const c = d.contest;
  const resultError = (entryId: number) =>
    actionData &&
    !actionData.ok &&
    actionData.intent === "result" &&
    (!("entryId" in actionData) || String(actionData.entryId) === String(entryId))
      ? (actionData.errors?.file ?? actionData.errors?.result ?? actionData.errors?._form ?? actionData.formError)
      : undefined;
  return (
    <>
      <RecordHeader
        title={c.name}
        subtitle={`${CONTEST_LEVEL_LABELS[c.level]} · đăng ký bởi ${c.organizerName}`}
        base={`/contests/${c.id}`}
        canManage={d.canManage}
      />
      <Notice when={params.get("deleted")}>Đã xóa.</Notice>
      <Notice when={params.get("created")}>Đã đăng ký cuộc thi.</Notice>
      <Notice when={params.get("entry")}>Đã đăng ký bài dự thi.</Notice>
      <Notice when={params.get("result")}>Đã ghi kết quả.</Notice>
      <div className="card">
        <dl className="facts">
          <dt>Lĩnh vực</dt>
          <dd>{contestFieldLabel(c.field)}</dd>
          <dt>Thời gian</dt>
          <dd>{formatDateRange(c.starts_on, c.ends_on)}</dd>
          <dt>Dành cho</dt>
          <dd>{c.open_to_all ? "Tất cả các trường trên địa bàn xã" : c.organizerName}</dd>
          {c.link ? (
            <>
              <dt>Thể lệ</dt>
              <dd>
                <a href={c.link} target="_blank" rel="noopener noreferrer">
                  {c.link}
                </a>
              </dd>
            </>
          ) : null}
        </dl>
        {c.rules ? <p style={{ whiteSpace: "pre-line" }}>{c.rules}</p> : null}
      </div>

      <h2 id="entries">Bài dự thi</h2>
      <DataTable
        label="Bài dự thi"
        rows={d.entries}
        columns={[
          { header: "Dự án, sản phẩm", name: (e) => ({ text: e.title, note: contestFieldLabel(e.field) }) },
          { header: "Trường", cell: (e) => e.school_name },
          {
            header: "Nhóm tác giả",
            cell: (e) =>
              e.team.length ? (
                <ul className="changes">
                  {e.team.map((m, i) => (
                    <li key={i}>
                      {m.name}
                      {m.role === "mentor" ? " (GV hướng dẫn)" : m.className ? ` (${m.className})` : ""}
                    </li>
                  ))}
                </ul>
              ) : (
                `${e.students} học sinh, ${e.mentors} giáo viên hướng dẫn`
              ),
          },
          {
            header: "Kết quả",
            cell: (e) => (
              <>
                {e.canRecord ? (
                  <Form method="post" encType="multipart/form-data" className="result-form">
                    <input type="hidden" name="intent" value="result" />
                    <input type="hidden" name="entryId" value={e.id} />
                    <label className="visually-hidden" htmlFor={`result-${e.id}`}>
                      Kết quả của {e.title}
                    </label>
                    <select id={`result-${e.id}`} name="result" defaultValue={e.result ?? ""}>
                      <option value="">Chưa có kết quả</option>
                      {CONTEST_RESULTS.map((r) => (
                        <option key={r} value={r}>
                          {CONTEST_RESULT_LABELS[r]}
                        </option>
                      ))}
                    </select>
                    <label htmlFor={`file-${e.id}`} className="muted" style={{ fontSize: ".85rem" }}>
                      Minh chứng (PDF, ảnh; tối đa 10 MB)
                    </label>
                    <input
                      id={`file-${e.id}`}
                      type="file"
                      name="file"
                      accept=".pdf,.jpg,.jpeg,.png,.webp,application/pdf,image/*"
                    />
                    <button type="submit" className="button button--small">
                      Lưu kết quả
                    </button>
                    {resultError(e.id) ? (
                      <p className="field__error" role="alert">
                        {resultError(e.id)}
                      </p>
                    ) : null}
                  </Form>
                ) : (
                  <span>{e.result ? CONTEST_RESULT_LABELS[e.result] : "Chưa có kết quả"}</span>
                )}
                {e.evidence_name ? (
                  <div>
                    <a href={`/contests/entries/${e.id}/evidence`}>Minh chứng: {e.evidence_name}</a>
                  </div>
                ) : e.has_evidence ? (
                  <div className="muted">Đã có minh chứng (trường lưu giữ)</div>
                ) : null}
                {e.canDelete ? (
                  <InlineDelete
                    label="Xóa bài dự thi…"
                    question="Xóa bài dự thi này cùng kết quả và minh chứng?"
                    fields={{ intent: "delete-entry", entryId: e.id }}
                    multipart
                  />
                ) : null}
              </>
            ),
          },
        ]}
        empty={<>Chưa có bài dự thi{d.mayEnter ? ": đăng ký ở mẫu dưới đây." : "."}</>}
      />
      <IntentError result={actionData} intent="delete-entry" />
      {d.mayEnter ? (
        <div id="new-entry" style={{ marginTop: "1rem" }}>
          <ClassPicker
            classes={d.classes}
            current={d.chosenClasses}
            anchor="new-entry"
            label="Bài dự thi mới: chọn lớp của học sinh"
          />
        </div>
      ) : null}
      {d.mayEnter ? (
        <EntryForm
          resetKey={params.get("entry") ? location.key : undefined}
          actionData={actionData}
          candidates={d.candidates.people}
          moreCandidates={d.candidates.more}
          defaultField={c.field}
        />
      ) : null}
    </>
  );
}

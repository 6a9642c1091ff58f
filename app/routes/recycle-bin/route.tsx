import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { FormError } from "~/components/forms";
import { Pager } from "~/components/pager";
import { Notice, PageHeader } from "~/components/shell";
import type { Snapshot } from "~/domain/recycle-bin/bin";
import { BIN_DAYS, BIN_KIND_LABELS } from "~/domain/recycle-bin/vocabulary";
import { InlineDelete } from "~/components/confirm-delete";
import { DomainError } from "~/domain/shared/errors";
import { requireActor } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { formatDate, formatDateTime } from "~/domain/shared/format";
import { readForm } from "~/lib/forms.server";
import { idParam, pageParam } from "~/lib/params";
import type { BinKind } from "../../../db/schema";
import { binFor, purgeFromBin, restoreFromBin } from "~/lib/recycle-bin.server";
import { titled } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Thùng rác");

const PAGE_SIZE = 20;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const page = pageParam(new URL(request.url));
  const { total, rows } = await binFor(db, actor, { page, pageSize: PAGE_SIZE });
  return { page, total, rows };
}

/** The page a restored record is on: its own, or (a budget line) its activity's. */
function restoredPage(kind: BinKind, recordId: number, snapshot: Snapshot): { kind: BinKind; id: number } {
  return kind === "budget_line"
    ? { kind, id: (snapshot[0]?.rows[0] as { activity_id: number }).activity_id }
    : { kind, id: recordId };
}

const PAGES: Record<BinKind, (id: number) => string> = {
  club: (id) => `/clubs/${id}`,
  contest: (id) => `/contests/${id}`,
  activity: (id) => `/activities/${id}`,
  material: (id) => `/materials/${id}`,
  budget_line: (id) => `/activities/${id}#budget`,
};

/** The link after a restore, built here from a known kind and a number (never a path taken from the address). */
function restoredLink(params: URLSearchParams): string | null {
  const kind = params.get("kind") ?? "";
  const id = idParam(params.get("page") ?? "");
  return Object.hasOwn(PAGES, kind) && id ? PAGES[kind as BinKind](id) : null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  const form = await readForm(request);
  const id = idParam(String(form.get("binId") ?? ""));
  const intent = form.get("intent");
  if ((intent !== "restore" && intent !== "purge") || !id)
    return data({ error: "Thao tác không hợp lệ.", binId: null }, { status: 400 });
  try {
    if (intent === "purge") {
      const entry = await purgeFromBin(db, actor, id, form.get("confirm") === "yes", context.clientIp);
      return redirect(`/recycle-bin?${new URLSearchParams({ purged: entry.title })}`);
    }
    const entry = await restoreFromBin(db, actor, id, context.clientIp);
    const page = restoredPage(entry.kind, entry.record_id, entry.snapshot);
    const params = new URLSearchParams({ restored: entry.title, kind: page.kind, page: String(page.id) });
    return redirect(`/recycle-bin?${params}`);
  } catch (e) {
    if (e instanceof DomainError)
      return data(
        { error: e.message, binId: id },
        { status: e.message.startsWith("Không tìm thấy") ? 404 : intent === "purge" ? 400 : 409 },
      );
    throw e;
  }
}

export default function RecycleBin() {
  const { page, total, rows } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const to = restoredLink(params);
  return (
    <>
      <PageHeader
        title="Thùng rác"
        subtitle={`Câu lạc bộ, cuộc thi, hoạt động, học liệu và dòng kinh phí đã xóa được giữ ${BIN_DAYS} ngày, cùng mọi dữ liệu kèm theo (điểm danh, thành viên, bài dự thi…). Khôi phục trả lại đúng như trước khi xóa; số liệu chỉ tiêu tính lại ngay.`}
      />
      <Notice when={params.get("restored")}>
        Đã khôi phục “{params.get("restored")}”. {to ? <Link to={to}>Mở mục đã khôi phục</Link> : null}
      </Notice>
      <Notice when={params.get("purged")}>Đã xóa hẳn “{params.get("purged")}”.</Notice>
      {result && !result.binId ? <FormError message={result.error} /> : null}
      {rows.length === 0 ? <p className="card muted">Thùng rác trống.</p> : null}
      <ul className="bin-list">
        {rows.map((r) => (
          <li key={r.id} className="card bin-item">
            <p className="bin-item__kind muted">
              {BIN_KIND_LABELS[r.kind]} · {r.unit_name}
            </p>
            <h2 className="bin-item__title">{r.title}</h2>
            {r.summary ? <p>Kèm theo: {r.summary}</p> : null}
            <p className="muted">
              Xóa lúc {formatDateTime(r.deleted_at)}
              {r.deleted_by ? ` bởi ${r.deleted_by}` : ""} · tự xóa hẳn sau {formatDate(r.purge_after)}
            </p>
            {result?.binId === r.id ? <FormError message={result.error} /> : null}
            {r.mayRestore ? (
              <div className="bin-item__actions">
                <Form method="post">
                  <input type="hidden" name="intent" value="restore" />
                  <input type="hidden" name="binId" value={r.id} />
                  <button
                    type="submit"
                    className="button"
                    disabled={navigation.state !== "idle" && navigation.formData?.get("binId") === String(r.id)}
                  >
                    Khôi phục
                  </button>
                </Form>
                <InlineDelete
                  label="Xóa hẳn"
                  question={`Xóa hẳn “${r.title}”${r.summary ? ` cùng ${r.summary}` : ""}? Không thể khôi phục lại; tệp đính kèm không còn tính vào dung lượng của trường.`}
                  fields={{ intent: "purge", binId: r.id }}
                />
              </div>
            ) : (
              <p className="muted">Chỉ người có quyền xóa mục này mới khôi phục được.</p>
            )}
          </li>
        ))}
      </ul>
      <Pager page={page} pageSize={PAGE_SIZE} total={total} />
    </>
  );
}

/**
 * The roll call on a phone: big buttons per person; each tap is queued (kept in the browser's storage)
 * and sent until the server confirms, so a dropped connection loses nothing and a retry duplicates nothing.
 * Without JavaScript the same page is one form of radio buttons with a save button.
 */
import { Form } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import type { AttendanceStatus, PersonCategory } from "../../db/schema";
import { ATTENDANCE_STATUS_LABELS, ATTENDANCE_STATUSES } from "~/domain/attendance/vocabulary";
import { PERSON_CATEGORY_LABELS } from "~/domain/people/vocabulary";
import { formatDateTime } from "~/domain/shared/format";
import { foldVietnamese } from "~/domain/shared/text";

export interface RollCallPerson {
  personId: number;
  code: string;
  fullName: string;
  className: string | null;
  category: string;
  status: AttendanceStatus | null;
  note: string | null;
}

/** A queued change: a status, or "clear" to take a mark back ("Hoàn tác"). */
type Queued = AttendanceStatus | "clear";
type Queue = Record<number, { status: Queued }>;

/** How long "Hoàn tác" stays offered after "Tất cả còn lại: Có mặt". */
const UNDO_MS = 20_000;

const CHUNK = 500;

/**
 * The queue of marks not yet confirmed by the server, kept in the browser's storage per user and activity.
 * One send at a time (so the server applies taps in the order they were made), at most CHUNK marks a send,
 * retried with a growing pause while offline; a refusal (4xx) stops the retries and says why.
 */
function useMarkQueue(activityId: number, userId: number) {
  const key = `tanan-attendance-${userId}-${activityId}`;
  const [queue, setQueue] = useState<Queue>({});
  const [state, setState] = useState<"idle" | "saving" | "offline" | "error">("idle");
  const [error, setError] = useState<string | null>(null);
  // Marks this device saved (or took back: null) since the page loaded (the page's data is not reloaded after each tap).
  const [confirmed, setConfirmed] = useState<Record<number, AttendanceStatus | null>>({});
  const retry = useRef<ReturnType<typeof setTimeout>>();
  const attempts = useRef(0);
  const sending = useRef(false);
  const read = useCallback((): Queue => {
    try {
      return JSON.parse(localStorage.getItem(key) ?? "{}");
    } catch {
      return {};
    }
  }, [key]);
  const write = useCallback(
    (q: Queue) => {
      localStorage.setItem(key, JSON.stringify(q));
      setQueue(q);
    },
    [key],
  );

  const flush = useCallback(async () => {
    if (sending.current) return; // the running send picks up newer taps when it finishes
    const q = read();
    const entries = Object.entries(q).map(([personId, m]) => ({ personId: Number(personId), status: m.status }));
    // Marks first, then take-backs: one kind per send.
    const marks = entries.filter((m) => m.status !== "clear").slice(0, CHUNK);
    const clears = marks.length ? [] : entries.slice(0, CHUNK).map((m) => m.personId);
    if (!marks.length && !clears.length) {
      setState("idle");
      return;
    }
    sending.current = true;
    setState("saving");
    const abort = new AbortController();
    const timeout = setTimeout(() => abort.abort(), 15_000);
    try {
      const res = await fetch(`/attendance/${activityId}/mark`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(marks.length ? { marks } : { clear: clears }),
        signal: abort.signal,
        redirect: "manual",
      });
      if (res.status >= 400 && res.status < 500) {
        const body = (await res.json().catch(() => ({}))) as { error?: string };
        setError(
          res.status === 401
            ? "Phiên đăng nhập đã hết: hãy đăng nhập lại, các điểm danh chưa lưu vẫn được giữ trên máy này."
            : (body.error ?? "Không lưu được điểm danh."),
        );
        setState("error");
        return;
      }
      if (!res.ok) throw new Error(String(res.status));
      const answer = (await res.json()) as { saved?: number[]; cleared?: number[] };
      const saved = answer.saved ?? answer.cleared ?? [];
      // What was sent leaves the queue unless it was tapped again meanwhile.
      const now = read();
      setConfirmed((c) => ({
        ...c,
        ...Object.fromEntries(
          saved.filter((id) => q[id]).map((id) => [id, q[id].status === "clear" ? null : q[id].status]),
        ),
      }));
      for (const id of saved) if (now[id] && now[id].status === q[id]?.status) delete now[id];
      write(now);
      attempts.current = 0;
      setError(null);
      setState(Object.keys(now).length ? "saving" : "idle");
    } catch {
      setState("offline");
      attempts.current += 1;
      clearTimeout(retry.current);
      // flush retries itself: the timer fires long after `flush` is declared, and calls this render's flush.
      // eslint-disable-next-line react-hooks/immutability
      retry.current = setTimeout(() => void flush(), Math.min(15_000, 1000 * 2 ** attempts.current));
      return;
    } finally {
      clearTimeout(timeout);
      sending.current = false;
    }
    if (Object.keys(read()).length) void flush();
  }, [activityId, read, write]);

  useEffect(() => {
    // The queue lives in localStorage, which only the browser has: read after hydration, not during render.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setQueue(read());
    const online = () => void flush();
    window.addEventListener("online", online);
    void flush();
    return () => {
      window.removeEventListener("online", online);
      clearTimeout(retry.current);
    };
  }, [flush, read]);

  /** Queues several marks at once (one send for "all present"), then sends. */
  const mark = (marks: { personId: number; status: Queued }[]) => {
    const q = read();
    for (const m of marks) q[m.personId] = { status: m.status };
    write(q);
    void flush();
  };
  const discard = () => {
    write({});
    setError(null);
    setState("idle");
  };
  return { queue, confirmed, state, error, mark, discard };
}

/** What a person is shown as beside their name: their class, else what they are (never an internal code). */
function personLine(p: RollCallPerson): string {
  return p.className ?? PERSON_CATEGORY_LABELS[p.category as PersonCategory] ?? "";
}

export function RollCall({
  activityId,
  userId,
  people,
  locked,
  startsAt,
}: {
  activityId: number;
  userId: number;
  people: RollCallPerson[];
  locked: boolean;
  /** The session's start: before it, marking asks first (issue 20). */
  startsAt: string;
}) {
  const [enhanced, setEnhanced] = useState(false);
  // The clock, read in the browser (after hydration) and every second while "Hoàn tác" is offered.
  const [now, setNow] = useState<number | null>(null);
  // True once the page's script runs (after hydration): until then the plain form works without it.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setEnhanced(true);
    setNow(Date.now());
  }, []);
  const { queue, confirmed, state, error, mark, discard } = useMarkQueue(activityId, userId);
  // Unsaved taps win over the server's state; once saved, the server's state (re-read) is shown.
  const statusOf = (p: RollCallPerson): AttendanceStatus | null => {
    const queued = queue[p.personId]?.status;
    if (queued) return queued === "clear" ? null : queued;
    return p.personId in confirmed ? confirmed[p.personId] : p.status;
  };
  const pending = Object.keys(queue).length;
  const [search, setSearch] = useState("");
  const [early, setEarly] = useState(false);
  const [undo, setUndo] = useState<{ ids: number[]; until: number } | null>(null);
  // A session still to come: nobody is marked before the teacher says so (a tap on the wrong day).
  const future = now !== null && Date.parse(startsAt) > now && !early;

  useEffect(() => {
    if (!undo) return;
    const timer = setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (t > undo.until) setUndo(null);
    }, 1000);
    return () => clearInterval(timer);
  }, [undo]);

  const tap = (p: RollCallPerson, status: AttendanceStatus) => mark([{ personId: p.personId, status }]);
  const allPresent = () => {
    const ids = people.filter((p) => !statusOf(p)).map((p) => p.personId);
    mark(ids.map((personId) => ({ personId, status: "present" as const })));
    const t = Date.now();
    setNow(t);
    setUndo({ ids, until: t + UNDO_MS });
  };
  const takeBack = () => {
    if (!undo) return;
    mark(undo.ids.map((personId) => ({ personId, status: "clear" as const })));
    setUndo(null);
  };
  const counts = ATTENDANCE_STATUSES.map((s) => ({ s, n: people.filter((p) => statusOf(p) === s).length }));
  const unmarked = people.filter((p) => !statusOf(p)).length;
  const folded = foldVietnamese(search);
  const shown = folded
    ? people.filter((p) => foldVietnamese(`${p.fullName} ${personLine(p)}`).includes(folded))
    : people;

  return (
    <Form method="post" className="roll-call" onSubmit={(e) => enhanced && e.preventDefault()}>
      <input type="hidden" name="intent" value="save" />
      <div className="roll-call__bar" role="status" aria-live="polite">
        <span>
          {counts.map((c) => `${ATTENDANCE_STATUS_LABELS[c.s]}: ${c.n}`).join(" · ")} · Chưa điểm danh: {unmarked}
        </span>
        {enhanced ? (
          <span
            className={`badge ${state === "idle" ? "badge--green" : state === "error" ? "badge--red" : "badge--amber"}`}
            data-testid="save-state"
          >
            {state === "idle"
              ? "Đã lưu"
              : state === "saving"
                ? `Đang lưu ${pending}…`
                : state === "offline"
                  ? `Mất kết nối – ${pending} chưa lưu, sẽ tự thử lại`
                  : "Chưa lưu được"}
          </span>
        ) : null}
      </div>
      {error ? (
        <div className="alert alert--error" role="alert">
          <p>{error}</p>
          {pending ? (
            <button type="button" className="button button--ghost button--small" onClick={discard}>
              Bỏ {pending} thay đổi chưa lưu
            </button>
          ) : null}
        </div>
      ) : null}
      {future ? (
        <div className="alert alert--warning" role="alert">
          <p>
            Buổi này chưa diễn ra (bắt đầu lúc {formatDateTime(startsAt)}). Điểm danh trước chỉ khi chắc chắn, ví dụ ghi
            trước người đã báo vắng.
          </p>
          <button type="button" className="button button--ghost button--small" onClick={() => setEarly(true)}>
            Vẫn điểm danh trước
          </button>
        </div>
      ) : null}
      <div className="roll-call__tools">
        {enhanced ? (
          <label className="roll-call__search">
            <span className="visually-hidden">Tìm người trong danh sách</span>
            <input
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              placeholder="Tìm theo tên (không cần dấu)"
              autoComplete="off"
            />
          </label>
        ) : null}
        {!locked && !future && enhanced && undo ? (
          <button type="button" className="button button--ghost" onClick={takeBack}>
            {`Hoàn tác: bỏ “Có mặt” của ${undo.ids.length} người (${Math.max(0, Math.ceil((undo.until - (now ?? undo.until)) / 1000))} giây)`}
          </button>
        ) : !locked && !future && enhanced && unmarked ? (
          <button type="button" className="button" onClick={allPresent}>
            Tất cả còn lại: Có mặt
          </button>
        ) : null}
      </div>
      {folded && !shown.length ? <p className="muted">Không có ai khớp “{search}”.</p> : null}
      <ul className="roll-call__list">
        {shown.map((p) => {
          const current = statusOf(p);
          return (
            <li key={p.personId} className="roll-call__person">
              <fieldset disabled={locked || future}>
                <legend>
                  <strong>{p.fullName}</strong> <span className="muted">{personLine(p)}</span>
                </legend>
                {p.status ? <input type="hidden" name={`prev.${p.personId}`} value={p.status} /> : null}
                <div className="roll-call__choices">
                  {ATTENDANCE_STATUSES.map((s) => (
                    <label key={s} className={`choice choice--${s}${current === s ? " choice--on" : ""}`}>
                      <input
                        type="radio"
                        name={`status.${p.personId}`}
                        value={s}
                        checked={enhanced ? current === s : undefined}
                        defaultChecked={enhanced ? undefined : current === s}
                        onChange={() => tap(p, s)}
                      />
                      {ATTENDANCE_STATUS_LABELS[s]}
                    </label>
                  ))}
                </div>
              </fieldset>
            </li>
          );
        })}
      </ul>
      {!enhanced && !locked ? (
        <button type="submit" className="button">
          Lưu điểm danh
        </button>
      ) : null}
    </Form>
  );
}

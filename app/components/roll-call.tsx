/**
 * The roll call on a phone: big buttons per person; each tap is queued (kept in the browser's storage)
 * and sent until the server confirms, so a dropped connection loses nothing and a retry duplicates nothing.
 * Without JavaScript the same page is one form of radio buttons with a save button.
 */
import { Form } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import type { AttendanceStatus } from "../../db/schema";
import { ATTENDANCE_STATUS_LABELS, ATTENDANCE_STATUSES } from "~/domain/attendance/vocabulary";

export interface RollCallPerson {
  personId: number;
  code: string;
  fullName: string;
  className: string | null;
  category: string;
  status: AttendanceStatus | null;
  note: string | null;
}

type Queue = Record<number, { status: AttendanceStatus }>;

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
  // Marks this device saved since the page loaded (the page's data is not reloaded after each tap).
  const [confirmed, setConfirmed] = useState<Record<number, AttendanceStatus>>({});
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
    const marks = Object.entries(q)
      .slice(0, CHUNK)
      .map(([personId, m]) => ({ personId: Number(personId), status: m.status }));
    if (!marks.length) {
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
        body: JSON.stringify({ marks }),
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
      const { saved } = (await res.json()) as { saved: number[] };
      // What was sent leaves the queue unless it was tapped again meanwhile.
      const now = read();
      setConfirmed((c) => ({
        ...c,
        ...Object.fromEntries(saved.filter((id) => q[id]).map((id) => [id, q[id].status])),
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
  const mark = (marks: { personId: number; status: AttendanceStatus }[]) => {
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

export function RollCall({
  activityId,
  userId,
  people,
  locked,
}: {
  activityId: number;
  userId: number;
  people: RollCallPerson[];
  locked: boolean;
}) {
  const [enhanced, setEnhanced] = useState(false);
  // True once the page's script runs (after hydration): until then the plain form works without it.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setEnhanced(true), []);
  const { queue, confirmed, state, error, mark, discard } = useMarkQueue(activityId, userId);
  // Unsaved taps win over the server's state; once saved, the server's state (re-read) is shown.
  const statusOf = (p: RollCallPerson) => queue[p.personId]?.status ?? confirmed[p.personId] ?? p.status;
  const pending = Object.keys(queue).length;

  const tap = (p: RollCallPerson, status: AttendanceStatus) => mark([{ personId: p.personId, status }]);
  const allPresent = () =>
    mark(people.filter((p) => !statusOf(p)).map((p) => ({ personId: p.personId, status: "present" as const })));
  const counts = ATTENDANCE_STATUSES.map((s) => ({ s, n: people.filter((p) => statusOf(p) === s).length }));
  const unmarked = people.filter((p) => !statusOf(p)).length;

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
      {!locked && enhanced && unmarked ? (
        <button type="button" className="button" onClick={allPresent}>
          Tất cả còn lại: Có mặt
        </button>
      ) : null}
      <ul className="roll-call__list">
        {people.map((p) => {
          const current = statusOf(p);
          return (
            <li key={p.personId} className="roll-call__person">
              <fieldset disabled={locked}>
                <legend>
                  <strong>{p.fullName}</strong> <span className="muted">{p.className ?? p.code}</span>
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

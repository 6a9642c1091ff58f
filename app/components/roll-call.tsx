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

type Queue = Record<number, { status: AttendanceStatus; note?: string }>;

function useMarkQueue(activityId: number) {
  const key = `tanan-attendance-${activityId}`;
  const [queue, setQueue] = useState<Queue>({});
  const [state, setState] = useState<"idle" | "saving" | "offline" | "error">("idle");
  const [error, setError] = useState<string | null>(null);
  const retry = useRef<ReturnType<typeof setTimeout>>();
  const attempts = useRef(0);

  useEffect(() => {
    try {
      setQueue(JSON.parse(localStorage.getItem(key) ?? "{}"));
    } catch {
      setQueue({});
    }
  }, [key]);

  const persist = (q: Queue) => {
    localStorage.setItem(key, JSON.stringify(q));
    setQueue(q);
  };

  const flush = useCallback(async () => {
    const q: Queue = JSON.parse(localStorage.getItem(key) ?? "{}");
    const marks = Object.entries(q).map(([personId, m]) => ({ personId: Number(personId), status: m.status, note: m.note ?? "" }));
    if (!marks.length) return;
    setState("saving");
    try {
      const res = await fetch(`/attendance/${activityId}/mark`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ marks }),
      });
      if (res.status === 409 || res.status === 400 || res.status === 403) {
        const body = (await res.json().catch(() => ({}))) as { error?: string };
        setError(body.error ?? "Không lưu được điểm danh.");
        setState("error");
        return;
      }
      if (!res.ok) throw new Error(String(res.status));
      const { saved } = (await res.json()) as { saved: number[] };
      // Only what was sent and is unchanged since leaves the queue; a newer tap stays to be sent.
      const now: Queue = JSON.parse(localStorage.getItem(key) ?? "{}");
      for (const id of saved) if (now[id] && now[id].status === q[id]?.status && now[id].note === q[id]?.note) delete now[id];
      persist(now);
      attempts.current = 0;
      setError(null);
      setState(Object.keys(now).length ? "saving" : "idle");
      if (Object.keys(now).length) void flush();
    } catch {
      setState("offline");
      attempts.current += 1;
      clearTimeout(retry.current);
      retry.current = setTimeout(() => void flush(), Math.min(15_000, 1000 * 2 ** attempts.current));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activityId, key]);

  useEffect(() => {
    const online = () => void flush();
    window.addEventListener("online", online);
    void flush();
    return () => {
      window.removeEventListener("online", online);
      clearTimeout(retry.current);
    };
  }, [flush]);

  const mark = (personId: number, status: AttendanceStatus, note?: string) => {
    const q: Queue = { ...JSON.parse(localStorage.getItem(key) ?? "{}"), [personId]: { status, note } };
    persist(q);
    void flush();
  };
  return { queue, state, error, mark };
}

export function RollCall({ activityId, people, locked }: { activityId: number; people: RollCallPerson[]; locked: boolean }) {
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  const { queue, state, error, mark } = useMarkQueue(activityId);
  const [local, setLocal] = useState<Record<number, AttendanceStatus>>({});
  const statusOf = (p: RollCallPerson) => queue[p.personId]?.status ?? local[p.personId] ?? p.status;
  const pending = Object.keys(queue).length;

  const tap = (p: RollCallPerson, status: AttendanceStatus) => {
    setLocal((l) => ({ ...l, [p.personId]: status }));
    mark(p.personId, status);
  };
  const allPresent = () => {
    for (const p of people) if (!statusOf(p)) tap(p, "present");
  };
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
          <span className={`badge ${state === "idle" ? "badge--green" : state === "error" ? "badge--red" : "badge--amber"}`} data-testid="save-state">
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
          {error}
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

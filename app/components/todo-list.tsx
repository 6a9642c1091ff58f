import { Link } from "@remix-run/react";
import type { TodoItem } from "~/domain/overview/todo";

const BADGE: Record<TodoItem["urgency"], [string, string]> = {
  overdue: ["badge--red", "Quá hạn"],
  now: ["badge--amber", "Cần làm ngay"],
  soon: ["badge--amber", "Sắp đến hạn"],
  later: ["", "Cần làm"],
  watch: ["", "Theo dõi"],
};

/** "Việc cần làm": each item one tap from the page that does it, the most pressing first. */
export function TodoList({ items }: { items: TodoItem[] }) {
  const order = ["overdue", "now", "soon", "later", "watch"];
  const sorted = [...items].sort((a, b) => order.indexOf(a.urgency) - order.indexOf(b.urgency));
  return (
    <section className="card todo" aria-labelledby="todo">
      <h2 id="todo">Việc cần làm</h2>
      {sorted.length ? (
        <ul className="todo__list">
          {sorted.map((item) => (
            <li key={`${item.to}:${item.text}`}>
              <span className={`badge ${BADGE[item.urgency][0]}`}>{BADGE[item.urgency][1]}</span>{" "}
              <Link to={item.to}>{item.text}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Không có việc nào cần làm ngay.</p>
      )}
    </section>
  );
}

import type { ReactNode } from "react";

/**
 * A table that scrolls sideways on a phone (keyboard users can focus it to scroll) or, `stacked`, whose rows become
 * cards there (styles in app.css: `.table-wrap--stack`).
 */
export function TableWrap({ label, children, stacked }: { label: string; children: ReactNode; stacked?: boolean }) {
  return (
    <>
      {stacked ? null : (
        <p className="scroll-hint" aria-hidden="true">
          Vuốt ngang để xem hết bảng ⇆
        </p>
      )}
      <div
        className={stacked ? "table-wrap table-wrap--stack" : "table-wrap"}
        tabIndex={0}
        role="region"
        aria-label={label}
      >
        {children}
      </div>
    </>
  );
}

/** The row a table shows when it has nothing to list. */
export function EmptyRow({ show, colSpan, children }: { show: boolean; colSpan: number; children: ReactNode }) {
  if (!show) return null;
  return (
    <tr>
      <td colSpan={colSpan} className="muted">
        {children}
      </td>
    </tr>
  );
}

import { Link } from "@remix-run/react";
import type { CSSProperties, Key, ReactNode } from "react";
import { formatNumber } from "~/domain/shared/format";
import { EmptyRow, TableWrap } from "./table";

/** One column of a DataTable: its header and how a row fills its cell. */
export interface Column<Row> {
  header: ReactNode;
  cell?: (row: Row) => ReactNode;
  /** A name column instead of `cell`: the record's name, linked to its page, with a line under it. */
  name?: (row: Row) => NameCell;
  /** A column of counts instead of `cell`: right-aligned ("num"), written the Vietnamese way, "—" when unknown. */
  count?: (row: Row) => number | null | undefined;
  /** On the header and every cell: "num" for figures, "hide-phone" for what a phone leaves out. */
  className?: string;
  /** Keeps the cell on one line (dates and times). */
  nowrap?: boolean;
  /** False leaves the column out, for a column only some readers see. */
  show?: boolean;
  /**
   * On a phone each row is a card (issue 20): the title column heads it (by default the `name` column, else the
   * first), a `lead` column (the status) comes right under it, the others follow with their header as a label.
   */
  title?: boolean;
  lead?: boolean;
  /** The label on a phone's card, when the header is not plain text. */
  label?: string;
}

/** What the first column of most lists shows: the record's name, a link when it has a page, a line under it. */
export interface NameCell {
  text: ReactNode;
  to?: string;
  note?: ReactNode;
  /** The line's class: "muted" unless told. */
  noteClass?: string;
}

/** A name cell: the text (linked when it has a page) and the line under it. */
function Name({ text, to, note, noteClass = "muted" }: NameCell) {
  return (
    <>
      {to ? <Link to={to}>{text}</Link> : text}
      {note ? <div className={noteClass}>{note}</div> : null}
    </>
  );
}

const NOWRAP: CSSProperties = { whiteSpace: "nowrap" };

/**
 * A table — on a phone, a list of cards (or, with `stack={false}`, a table that scrolls sideways) — one row per record (keyed by its id, else its place), with a row
 * that says so when there is nothing to list (`empty`). The empty row spans every column declared, shown or
 * not, unless told otherwise.
 */
export function DataTable<Row>(props: {
  label: string;
  columns: Column<Row>[];
  rows: readonly Row[];
  empty?: ReactNode;
  emptyColSpan?: number;
  /** A <caption> element, when the table has one. */
  caption?: ReactNode;
  /** Rows after the records, such as a total. */
  footer?: ReactNode;
  className?: string;
  /** False keeps the table a table on a phone (scrolling sideways) instead of cards. */
  stack?: boolean;
}) {
  const shown = props.columns.filter((c) => c.show !== false);
  const titleAt = shown.some((c) => c.title)
    ? shown.findIndex((c) => c.title)
    : Math.max(
        0,
        shown.findIndex((c) => c.name),
      );
  const columns = shown.map((c, i) => {
    const classes = [
      c.className ?? (c.count ? "num" : ""),
      i === titleAt ? "cell-title" : "",
      c.lead ? "cell-lead" : "",
    ];
    return { ...c, className: classes.filter(Boolean).join(" ") || undefined };
  });
  const stack = props.stack !== false;
  return (
    <TableWrap label={props.label} stacked={stack}>
      <table className={props.className}>
        {props.caption}
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={c.className}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, n) => (
            <tr key={(row as { id?: Key }).id ?? n}>
              {columns.map((c, i) => (
                <td
                  key={i}
                  className={c.className}
                  style={c.nowrap ? NOWRAP : undefined}
                  data-label={c.label ?? (typeof c.header === "string" ? c.header : "")}
                >
                  {/* One box beside the label on a phone's card, however many parts the cell has. */}
                  <div className="cell">
                    {c.count ? formatNumber(c.count(row)) : c.name ? <Name {...c.name(row)} /> : c.cell?.(row)}
                  </div>
                </td>
              ))}
            </tr>
          ))}
          {props.empty !== undefined ? (
            <EmptyRow show={props.rows.length === 0} colSpan={props.emptyColSpan ?? props.columns.length}>
              {props.empty}
            </EmptyRow>
          ) : null}
          {props.footer}
        </tbody>
      </table>
    </TableWrap>
  );
}

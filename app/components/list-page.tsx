import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Pager } from "./pager";
import { DeletedNotice, PageHeader } from "./shell";

/**
 * The scaffold of a list page: title, intro and actions, then what the page lists (filter bar, tables),
 * then the page links. `create` is the "+ …" button of those who may add a record; it comes after `actions`.
 */
export function ListPage(props: {
  /** Heading and intro; by default the route's `handle` (PageHandle). */
  title?: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
  create?: { to: string; label: string } | false | null;
  pager?: { page: number; pageSize: number; total: number } | false | null;
  children: ReactNode;
}) {
  const create = props.create ? (
    <Link to={props.create.to} className="button">
      {props.create.label}
    </Link>
  ) : null;
  return (
    <>
      <PageHeader
        title={props.title}
        subtitle={props.subtitle}
        actions={
          props.actions ? (
            <>
              {props.actions}
              {create}
            </>
          ) : (
            create
          )
        }
      />
      {/* Where a record went after a delete redirected here with ?deleted=1 (nothing otherwise). */}
      <DeletedNotice />
      {props.children}
      {props.pager ? <Pager page={props.pager.page} pageSize={props.pager.pageSize} total={props.pager.total} /> : null}
    </>
  );
}

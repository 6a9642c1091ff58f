import { useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { EditDeleteActions, Notice, PageHeader } from "./shell";

/**
 * The head of one record's page (a club, a contest, an activity): its name and what it belongs to, the
 * "Sửa" and "Xóa" links for those who may change it (after any other `actions`), and the notice after a save.
 */
export function RecordHeader(props: {
  title: string;
  subtitle: ReactNode;
  /** The record's address, e.g. "/clubs/12": its edit and delete pages live below it. */
  base: string;
  canManage: boolean;
  actions?: ReactNode;
}) {
  const [params] = useSearchParams();
  return (
    <>
      <PageHeader
        title={props.title}
        subtitle={props.subtitle}
        actions={
          <>
            {props.actions}
            <EditDeleteActions base={props.base} show={props.canManage} />
          </>
        }
      />
      <Notice when={params.get("saved")}>Đã lưu thay đổi.</Notice>
    </>
  );
}

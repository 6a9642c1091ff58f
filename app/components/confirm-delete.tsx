import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { FormError } from "./forms";
import { PageHeader } from "./shell";

/** Deleting something others depend on: say what goes with it, and ask for an explicit confirmation. */
export function ConfirmDelete(props: {
  what: string;
  consequences: string[];
  error?: string;
  cancelTo: string;
  alternative?: ReactNode;
}) {
  return (
    <div className="card form">
      <FormError message={props.error} />
      <p>
        Bạn sắp xóa <strong>{props.what}</strong>.
      </p>
      {props.consequences.length ? (
        <>
          <p>Cùng với nó sẽ bị xóa:</p>
          <ul>
            {props.consequences.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          <p>Các số liệu chỉ tiêu tính từ những dữ liệu này sẽ thay đổi theo ngay.</p>
        </>
      ) : (
        <p>Mục này chưa có dữ liệu kèm theo.</p>
      )}
      <p className="muted">
        Mục đã xóa nằm trong Thùng rác 30 ngày: trong thời gian đó có thể khôi phục lại đúng như cũ, cùng mọi dữ liệu
        kèm theo.
      </p>
      {props.alternative}
      <Form method="post">
        {/* The server deletes nothing without "confirm": the checkbox when others go too, else this page's button. */}
        {props.consequences.length ? (
          <label className="checkbox">
            <input type="checkbox" name="confirm" value="yes" /> Tôi hiểu và muốn xóa
          </label>
        ) : (
          <input type="hidden" name="confirm" value="nothing-attached" />
        )}
        <div className="form-actions">
          <button type="submit" className="button button--danger">
            Xóa
          </button>
          <Link to={props.cancelTo}>Không xóa, quay lại</Link>
        </div>
      </Form>
    </div>
  );
}

/** The body of a record's delete page: "Xóa …" over the record's name, then the confirmation. */
export function DeletePage({ title, ...confirm }: { title: string } & Parameters<typeof ConfirmDelete>[0]) {
  return (
    <>
      <PageHeader title={title} subtitle={confirm.what} />
      <ConfirmDelete {...confirm} />
    </>
  );
}

/** A small delete inside a table row: one tap opens the question, a second confirms. Works without JavaScript. */
export function InlineDelete(props: {
  label: string;
  question: string;
  fields: Record<string, string | number>;
  multipart?: boolean;
}) {
  return (
    <details className="confirm confirm--inline">
      <summary className="link-button">{props.label}</summary>
      <Form method="post" encType={props.multipart ? "multipart/form-data" : undefined}>
        {Object.entries({ ...props.fields, confirm: "yes" }).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <p>{props.question}</p>
        <button type="submit" className="button button--danger button--small">
          Xác nhận xóa
        </button>
      </Form>
    </details>
  );
}

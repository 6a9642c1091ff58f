import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { FormError } from "./forms";

/** Deleting something others depend on: say what goes with it, and ask for an explicit confirmation. */
export function ConfirmDelete(props: { what: string; consequences: string[]; error?: string; cancelTo: string; alternative?: ReactNode }) {
  return (
    <div className="card form">
      <FormError message={props.error} />
      <p>
        Bạn sắp xóa <strong>{props.what}</strong>.
      </p>
      {props.consequences.length ? (
        <>
          <p>Việc xóa cũng sẽ xóa vĩnh viễn:</p>
          <ul>
            {props.consequences.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          <p>Các số liệu chỉ tiêu tính từ những dữ liệu này sẽ thay đổi theo.</p>
        </>
      ) : (
        <p>Mục này chưa có dữ liệu kèm theo.</p>
      )}
      {props.alternative}
      <Form method="post">
        {props.consequences.length ? (
          <label className="checkbox">
            <input type="checkbox" name="confirm" value="yes" /> Tôi hiểu và muốn xóa
          </label>
        ) : null}
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

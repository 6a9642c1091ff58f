import { Form, useNavigation } from "@remix-run/react";
import { documentSettingsSchema } from "~/domain/units/schemas";
import { answerFor } from "./club-forms";
import { FormError, TextField, useValidatedForm, type ActionResult } from "./forms";

/** Who signs the unit's documents and their abbreviation (issue 18), on the unit's page. */
export function DocumentSettingsForm(props: {
  defaults: { signerName: string; signerTitle: string; docAbbreviation: string };
  titleHint: string;
  abbreviationHint: string;
  actionData: ActionResult;
}) {
  const busy = useNavigation().state !== "idle";
  const { onSubmit, bind, formError } = useValidatedForm(documentSettingsSchema, {
    defaults: props.defaults,
    actionData: answerFor(props.actionData, "documents"),
  });
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="card form" style={{ maxWidth: 820 }}>
      <h2>Văn bản báo cáo của đơn vị</h2>
      <p className="muted">
        In trên báo cáo 6 tháng (DOCX): người ký dưới chức danh, và ký hiệu trong dòng “Số: …/BC-…”. Báo cáo đã được
        duyệt giữ nguyên như lúc duyệt.
      </p>
      <FormError message={formError} />
      <input type="hidden" name="intent" value="documents" />
      <div className="form-row">
        <TextField label="Họ và tên người ký" {...bind("signerName")} hint="Ví dụ: Phạm Thị Lan" />
        <TextField label="Chức danh người ký" {...bind("signerTitle")} hint={props.titleHint} />
      </div>
      <TextField label="Ký hiệu văn bản của đơn vị" {...bind("docAbbreviation")} hint={props.abbreviationHint} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          Lưu thông tin văn bản
        </button>
      </div>
    </Form>
  );
}

import { Form, useNavigation } from "@remix-run/react";
import { activitySchema } from "~/domain/activities/schemas";
import {
  ACTIVITY_STATUS_LABELS,
  ACTIVITY_STATUSES,
  COMMEMORATION_LABELS,
  COMMEMORATIONS,
  DELIVERIES,
  DELIVERY_LABELS,
  isPostForm,
  POST_KIND_LABELS,
  POST_KINDS,
} from "~/domain/activities/vocabulary";
import type { FormValues } from "~/lib/forms";
import {
  CheckboxGroup,
  FormError,
  SelectField,
  TextAreaField,
  TextField,
  useValidatedForm,
  FormActions,
  type ActionResult,
} from "./forms";
import { DateField, TimeField } from "./date-fields";

type Term = { code: string; label: string; parent_code: string | null };
type UnitOption = { id: number; name: string; kind: string };

export interface ActivityFormProps {
  organizers: UnitOption[];
  units: UnitOption[];
  vocabulary: { topics: Term[]; forms: Term[]; audiences: Term[] };
  defaults: FormValues;
  actionData: ActionResult;
  submitLabel: string;
  cancelTo: string;
}

/** The activity form: what, who organizes, topics and audiences, when and where, status. */
export function ActivityForm(p: ActivityFormProps) {
  const navigation = useNavigation();
  const { form, onSubmit, errorFor, value, list, bind, formError } = useValidatedForm(activitySchema, {
    defaults: p.defaults,
    actionData: p.actionData,
  });
  const organizerId = form.watch("organizerUnitId") ?? value("organizerUnitId");
  const organizer =
    p.organizers.find((o) => String(o.id) === String(organizerId)) ??
    (p.organizers.length === 1 ? p.organizers[0] : undefined);
  const communeLevel = organizer ? organizer.kind !== "school" : false;
  const delivery = form.watch("delivery") ?? value("delivery");
  // A post on the website or a social page (clause III.1.1): its address and kind, no place.
  const post = isPostForm(form.watch("form") ?? value("form"));
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="card form" style={{ maxWidth: 820 }}>
      <FormError message={formError} />
      <TextField
        label="Tên hoạt động"
        required
        {...bind("title")}
        hint="Ví dụ: Tập huấn khai thác học liệu số cho giáo viên"
      />
      {p.organizers.length === 1 ? (
        <input type="hidden" value={String(p.organizers[0].id)} {...form.register("organizerUnitId")} />
      ) : (
        <SelectField
          label="Đơn vị tổ chức"
          required
          {...bind("organizerUnitId")}
          placeholder="— Chọn đơn vị —"
          options={p.organizers.map((o) => ({ value: String(o.id), label: o.name }))}
        />
      )}
      <TextField
        label="Do cơ quan ngoài xã tổ chức (nếu đơn vị chỉ cử người tham dự)"
        {...bind("externalOrganizer")}
        hint="Ví dụ: Sở Khoa học và Công nghệ. Để trống nếu đơn vị tự tổ chức. Lớp tập huấn, hội thi do cấp trên tổ chức không tính là hoạt động đơn vị tổ chức; điểm danh những người được cử để tính số lượt được cử (mục III.1.2)."
      />
      <div className="form-row">
        <SelectField
          label="Hình thức"
          required
          {...bind("form")}
          placeholder="— Chọn hình thức —"
          options={p.vocabulary.forms.map((f) => ({ value: f.code, label: f.label }))}
        />
        <SelectField
          label="Cách tổ chức"
          required
          reg={form.register("delivery")}
          defaultValue={value("delivery") || "in_person"}
          error={errorFor("delivery")}
          options={DELIVERIES.map((d) => ({ value: d, label: DELIVERY_LABELS[d] }))}
        />
      </div>
      <CheckboxGroup
        legend="Nội dung tuyên truyền"
        columns
        reg={form.register("topics")}
        checked={list("topics")}
        error={errorFor("topics")}
        options={p.vocabulary.topics.map((t) => ({
          value: t.code,
          label: t.parent_code ? `CĐS – ${t.label}` : t.label,
        }))}
      />
      <CheckboxGroup
        legend="Đối tượng"
        columns
        reg={form.register("audiences")}
        checked={list("audiences")}
        error={errorFor("audiences")}
        options={p.vocabulary.audiences.map((a) => ({ value: a.code, label: a.label }))}
      />
      <div className="form-row">
        <DateField label="Ngày bắt đầu" required {...bind("startDate")} />
        <TimeField
          label="Giờ bắt đầu"
          required
          reg={form.register("startTime")}
          defaultValue={value("startTime") || "07:30"}
          error={errorFor("startTime")}
        />
        <DateField label="Ngày kết thúc" required {...bind("endDate")} />
        <TimeField
          label="Giờ kết thúc"
          required
          reg={form.register("endTime")}
          defaultValue={value("endTime") || "11:00"}
          error={errorFor("endTime")}
        />
      </div>
      <p className="field__hint" style={{ marginTop: "-.5rem" }}>
        Giờ Việt Nam (UTC+7).
      </p>
      {delivery !== "online" && !post ? <TextField label="Địa điểm" {...bind("place")} /> : null}
      {post ? (
        <div className="form-row">
          <TextField
            label="Đường dẫn của tin bài"
            type="url"
            required
            {...bind("link")}
            hint="Địa chỉ bài đăng trên trang thông tin điện tử hoặc trang mạng xã hội của đơn vị."
          />
          <SelectField
            label="Loại tin bài"
            required
            {...bind("postKind")}
            placeholder="— Chọn loại —"
            options={POST_KINDS.map((k) => ({ value: k, label: POST_KIND_LABELS[k] }))}
          />
        </div>
      ) : delivery !== "in_person" ? (
        <TextField label="Đường dẫn tham gia trực tuyến" type="url" {...bind("link")} />
      ) : null}
      <div className="form-row">
        <SelectField
          label="Hưởng ứng ngày"
          {...bind("commemoration")}
          placeholder="Không"
          options={COMMEMORATIONS.map((c) => ({ value: c, label: COMMEMORATION_LABELS[c] }))}
        />
        <TextField label="Số người dự kiến" inputMode="numeric" {...bind("plannedParticipants")} />
        <SelectField
          label="Trạng thái"
          required
          reg={form.register("status")}
          defaultValue={value("status") || "planned"}
          error={errorFor("status")}
          options={ACTIVITY_STATUSES.map((s) => ({ value: s, label: ACTIVITY_STATUS_LABELS[s] }))}
        />
      </div>
      <details className="field">
        <summary>Đơn vị phối hợp ({list("coOrganizerIds").length})</summary>
        <CheckboxGroup
          legend="Đơn vị phối hợp"
          columns
          reg={form.register("coOrganizerIds")}
          checked={list("coOrganizerIds")}
          error={errorFor("coOrganizerIds")}
          options={p.units
            .filter((u) => String(u.id) !== String(organizerId) && (communeLevel || u.kind !== "school"))
            .map((u) => ({ value: String(u.id), label: u.name }))}
        />
      </details>
      {communeLevel ? (
        <CheckboxGroup
          legend="Mời các trường tham dự"
          columns
          reg={form.register("invitedUnitIds")}
          checked={list("invitedUnitIds")}
          error={errorFor("invitedUnitIds")}
          hint="Mọi trường đều xem được hoạt động cấp xã; các trường được mời thấy nhãn “Trường được mời” và hoạt động có trong lịch điện thoại của trường."
          options={p.units.filter((u) => u.kind === "school").map((u) => ({ value: String(u.id), label: u.name }))}
        />
      ) : null}
      <TextAreaField label="Mô tả, nội dung chính" {...bind("description")} />
      <FormActions label={p.submitLabel} cancelTo={p.cancelTo} busy={navigation.state === "submitting"} />
    </Form>
  );
}

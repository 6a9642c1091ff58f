import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { PageHeader } from "~/components/shell";
import { CheckboxGroup, FormActions, FormError, SelectField, TextField, useValidatedForm } from "~/components/forms";
import { DateField, TimeField } from "~/components/date-fields";
import { CLASS_SESSION_FORMS, classSessionSchema } from "~/domain/attendance/schemas";
import { forbidden, requireActor } from "~/lib/auth.server";
import { classSessionPlace, classSessionTimes, listVocabulary, openClassSession } from "~/lib/attendance.server";
import { db } from "~/lib/db.server";
import { saveForm } from "~/lib/forms.server";
import { titled } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Mở buổi điểm danh cho lớp");

const REFUSED =
  "Chỉ ban giám hiệu hoặc giáo viên chủ nhiệm mới mở được buổi điểm danh cho lớp. Ban giám hiệu phân công giáo viên chủ nhiệm ở trang danh sách học sinh.";

async function place(request: Request, context: LoaderFunctionArgs["context"]) {
  const actor = await requireActor(request, context);
  const found = await classSessionPlace(actor);
  if (!found) forbidden(REFUSED);
  return { actor, ...found };
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { classes } = await place(request, context);
  const vocabulary = await listVocabulary(db);
  const wanted = new URL(request.url).searchParams.get("class");
  return {
    classes,
    forms: vocabulary.forms.filter((f) => (CLASS_SESSION_FORMS as readonly string[]).includes(f.code)),
    topics: vocabulary.topics,
    defaults: {
      className: wanted && classes.includes(wanted) ? wanted : classes.length === 1 ? classes[0] : "",
      form: "thematic_session",
      topics: ["STEM"],
      ...classSessionTimes(),
    },
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor, schoolId } = await place(request, context);
  return saveForm(
    request,
    classSessionSchema,
    async (input) => `/attendance/${await openClassSession(db, actor, schoolId, input)}?opened=1`,
  );
}

export default function NewClassSession() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { form, onSubmit, errorFor, list, bind, formError } = useValidatedForm(classSessionSchema, {
    defaults: d.defaults,
    actionData,
  });
  return (
    <>
      <PageHeader
        title="Mở buổi điểm danh cho lớp"
        subtitle="Buổi học chuyên đề hoặc ngoại khóa của một lớp: cả lớp vào danh sách điểm danh ngay."
      />
      <Form method="post" noValidate onSubmit={onSubmit} className="card form">
        <FormError message={formError} />
        <SelectField
          label="Lớp"
          {...bind("className")}
          placeholder="— Chọn lớp —"
          options={d.classes.map((c) => ({ value: c, label: `Lớp ${c}` }))}
        />
        <TextField label="Nội dung buổi học" {...bind("title")} hint="Ví dụ: Em làm quen với lập trình Scratch" />
        <SelectField
          label="Hình thức"
          {...bind("form")}
          options={d.forms.map((f) => ({ value: f.code, label: f.label }))}
        />
        <CheckboxGroup
          legend="Chủ đề"
          columns
          reg={form.register("topics")}
          checked={list("topics")}
          error={errorFor("topics")}
          options={d.topics.map((t) => ({ value: t.code, label: t.parent_code ? `CĐS – ${t.label}` : t.label }))}
        />
        <div className="form-row">
          <DateField label="Ngày" {...bind("date")} />
          <TimeField label="Bắt đầu" {...bind("startTime")} />
          <TimeField label="Kết thúc" {...bind("endTime")} />
        </div>
        <TextField label="Địa điểm (nếu có)" {...bind("place")} hint="Ví dụ: Phòng tin học" />
        <FormActions label="Mở buổi và điểm danh" cancelTo="/attendance" busy={navigation.state === "submitting"} />
      </Form>
    </>
  );
}

import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ActivityForm } from "~/components/activity-form";
import { PageHeader } from "~/components/shell";
import { activitySchema } from "~/domain/activities/schemas";
import { vietnamParts } from "~/domain/shared/time";
import { activityDetail, activityFormOptions, requireActivity, updateActivity } from "~/lib/activities.server";
import { forbidden } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { saveForm } from "~/lib/forms.server";
import { canManageActivity } from "~/domain/auth/policies";
import { titled } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Sửa hoạt động");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor, activity } = await requireActivity(request, context, params.id);
  if (!canManageActivity(actor, activity.organizer)) forbidden();
  const d = (await activityDetail(db, activity.id))!;
  const start = vietnamParts(activity.starts_at);
  const end = vietnamParts(activity.ends_at);
  const options = await activityFormOptions(actor);
  return {
    ...options,
    id: activity.id,
    title: activity.title,
    defaults: {
      title: activity.title,
      organizerUnitId: String(activity.organizer_unit_id),
      form: activity.form,
      delivery: activity.delivery,
      topics: d.topics.map((t) => t.code),
      audiences: d.audiences.map((a) => a.code),
      coOrganizerIds: d.units.filter((u) => u.relation === "co_organizer").map((u) => String(u.id)),
      invitedUnitIds: d.units.filter((u) => u.relation === "invited").map((u) => String(u.id)),
      startDate: start.date,
      startTime: start.time,
      endDate: end.date,
      endTime: end.time,
      place: activity.place ?? "",
      link: activity.link ?? "",
      postKind: activity.post_kind ?? "",
      externalOrganizer: activity.external_organizer ?? "",
      commemoration: activity.commemoration ?? "",
      plannedParticipants: activity.planned_participants?.toString() ?? "",
      status: activity.status,
      description: activity.description ?? "",
    },
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor, activity } = await requireActivity(request, context, params.id);
  return saveForm(request, activitySchema, async (input) => {
    await updateActivity(db, actor, activity, input);
    return `/activities/${activity.id}?saved=1`;
  });
}

export default function EditActivity() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Sửa hoạt động" subtitle={d.title} />
      <ActivityForm
        {...d}
        actionData={useActionData<typeof action>()}
        submitLabel="Lưu thay đổi"
        cancelTo={`/activities/${d.id}`}
      />
    </>
  );
}

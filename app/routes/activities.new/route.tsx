import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ActivityForm } from "~/components/activity-form";
import { PageHeader } from "~/components/shell";
import { activitySchema } from "~/domain/activities/schemas";
import { vietnamToday } from "~/domain/shared/time";
import { activityFormOptions, createActivity } from "~/lib/activities.server";
import { forbidden, requireActor } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { saveForm } from "~/lib/forms.server";
import { pageOf } from "~/components/page-texts";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const { handle, meta } = pageOf("newActivity");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const options = await activityFormOptions(actor);
  if (!options.organizers.length)
    forbidden("Chỉ ban giám hiệu các trường và cán bộ Phòng Văn hóa - Xã hội mới thêm được hoạt động.");
  const today = vietnamToday();
  // The user's own unit first (Phòng Văn hóa - Xã hội for its staff), not whichever comes first alphabetically.
  const own = options.organizers.find((o) => actor.memberships.some((m) => m.unitId === o.id)) ?? options.organizers[0];
  return { ...options, defaults: { startDate: today, endDate: today, organizerUnitId: String(own.id) } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request, context);
  return saveForm(
    request,
    activitySchema,
    async (input) => `/activities/${await createActivity(db, actor, input)}?created=1`,
  );
}

export default function NewActivity() {
  const d = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader />
      <ActivityForm
        {...d}
        actionData={useActionData<typeof action>()}
        submitLabel="Lưu hoạt động"
        cancelTo="/activities"
      />
    </>
  );
}

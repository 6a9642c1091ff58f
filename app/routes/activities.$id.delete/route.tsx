import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { DeletePage } from "~/components/confirm-delete";
import { deleteActivity, deletionConsequences, requireActivity } from "~/lib/activities.server";
import { forbidden } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { confirmDelete } from "~/lib/forms.server";
import { canManageActivity } from "~/domain/auth/policies";
import { titled } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Xóa hoạt động");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor, activity } = await requireActivity(request, context, params.id);
  if (!canManageActivity(actor, activity.organizer)) forbidden();
  return {
    activity: { id: activity.id, title: activity.title, clubId: activity.club_id },
    consequences: await deletionConsequences(db, activity.id),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor, activity } = await requireActivity(request, context, params.id);
  return confirmDelete(
    request,
    (confirmed) => deleteActivity(db, actor, activity, confirmed),
    activity.club_id ? `/clubs/${activity.club_id}?deleted=1` : "/activities?deleted=1",
  );
}

export default function DeleteActivity() {
  const { activity, consequences } = useLoaderData<typeof loader>();
  const list = [
    consequences.marks ? `${consequences.marks.toLocaleString("vi-VN")} lượt điểm danh` : "",
    consequences.budgetLines ? `${consequences.budgetLines} dòng kinh phí` : "",
    consequences.reachFigures ? `${consequences.reachFigures} số liệu người được tiếp cận` : "",
  ].filter(Boolean);
  return (
    <DeletePage
      title="Xóa hoạt động"
      what={activity.title}
      consequences={list}
      error={useActionData<typeof action>()?.error}
      cancelTo={`/activities/${activity.id}`}
      alternative={
        <p className="muted">Nếu hoạt động không diễn ra, có thể chuyển trạng thái sang “Đã hủy” thay vì xóa.</p>
      }
    />
  );
}

import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { DeletePage } from "~/components/confirm-delete";
import { forbidden } from "~/lib/auth.server";
import { clubDeletionConsequences, deleteClub, requireClub } from "~/lib/clubs.server";
import { db } from "~/lib/db.server";
import { confirmDelete } from "~/lib/forms.server";
import { canManageClubs } from "~/domain/auth/policies";
import { titled } from "~/lib/meta";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Xóa câu lạc bộ");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor, club } = await requireClub(request, context, params.id);
  if (!canManageClubs(actor, club.school_id)) forbidden();
  return { club: { id: club.id, name: club.name }, consequences: await clubDeletionConsequences(db, club.id) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor, club } = await requireClub(request, context, params.id);
  return confirmDelete(request, (confirmed) => deleteClub(db, actor, club, confirmed), "/clubs?deleted=1");
}

export default function DeleteClub() {
  const { club, consequences } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const list = [
    consequences.members ? `${consequences.members} lượt thành viên (cả lịch sử tham gia)` : "",
    consequences.meetings ? `${consequences.meetings} buổi sinh hoạt` : "",
    consequences.marks ? `${consequences.marks.toLocaleString("vi-VN")} lượt điểm danh của các buổi sinh hoạt` : "",
  ].filter(Boolean);
  return (
    <DeletePage
      title="Xóa câu lạc bộ"
      what={club.name}
      consequences={list}
      error={actionData?.error}
      cancelTo={`/clubs/${club.id}`}
      alternative={
        list.length ? (
          <p className="muted">
            Nếu câu lạc bộ chỉ ngừng sinh hoạt, nên chuyển trạng thái sang “Đã giải thể” thay vì xóa để giữ số liệu các
            năm trước.
          </p>
        ) : null
      }
    />
  );
}

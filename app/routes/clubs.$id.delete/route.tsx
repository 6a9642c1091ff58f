import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { DeletePage } from "~/components/confirm-delete";
import { deleteConfirmationFrom, DomainError } from "~/domain/shared/errors";
import { forbidden } from "~/lib/auth.server";
import { clubDeletionConsequences, deleteClub, requireClub } from "~/lib/clubs.server";
import { db } from "~/lib/db.server";
import { readForm } from "~/lib/forms.server";
import { canManageClubs } from "~/domain/auth/policies";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta: MetaFunction = () => [{ title: "Xóa câu lạc bộ · Tân An STEM" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor, club } = await requireClub(request, context, params.id);
  if (!canManageClubs(actor, club.school_id)) forbidden();
  return { club: { id: club.id, name: club.name }, consequences: await clubDeletionConsequences(db, club.id) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor, club } = await requireClub(request, context, params.id);
  const confirmed = deleteConfirmationFrom((await readForm(request)).get("confirm"));
  try {
    await deleteClub(db, actor, club, confirmed);
  } catch (e) {
    if (e instanceof DomainError) return data({ error: e.message }, { status: e.field === "confirm" ? 400 : 403 });
    throw e;
  }
  return redirect("/clubs?deleted=1");
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

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { AddMembersForm, MeetingForm } from "~/components/club-forms";
import { IntentError } from "~/components/forms";
import { RecordHeader } from "~/components/record-header";
import { DeletedNotice, Notice } from "~/components/shell";
import { can } from "~/domain/auth/permissions";
import { addMembersSchema, meetingSchema } from "~/domain/clubs/schemas";
import { CLUB_FIELD_LABELS, CLUB_ROLE_LABELS, CLUB_STATUS_LABELS } from "~/domain/clubs/vocabulary";
import { PERSON_CATEGORY_LABELS } from "~/domain/people/vocabulary";
import { vietnamToday } from "~/domain/shared/time";
import { ACTIVITY_STATUS_LABELS } from "~/domain/activities/vocabulary";
import { gradeLabel } from "~/domain/units/vocabulary";
import { forbidden } from "~/lib/auth.server";
import {
  addMembers,
  clubMeetings,
  clubMembers,
  endMembership,
  joinCandidates,
  MEETING_RECORDERS_ONLY,
  recordMeeting,
  requireClub,
} from "~/lib/clubs.server";
import { targetGrades } from "~/domain/clubs/vocabulary";
import { db } from "~/lib/db.server";
import { formatDate, formatDateTime, formatNumber } from "~/domain/shared/format";
import { failure, parseForm } from "~/lib/forms";
import { idParam } from "~/lib/params";
import { dateText } from "~/domain/shared/schema-helpers";
import { DataTable } from "~/components/data-table";
import { domainFailure, readForm } from "~/lib/forms.server";
import { canManageClubs, canRecordClubMeeting, canTakeAttendance } from "~/domain/auth/policies";
import { titledBy } from "~/lib/meta";
import { DateInput } from "~/components/date-fields";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titledBy<typeof loader>((d) => d.club.name, "Câu lạc bộ");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { actor, club, school } = await requireClub(request, context, params.id);
  const canManage = canManageClubs(actor, club.school_id);
  // The club's advisor (a teacher) records its meetings and takes their attendance (issue 20).
  const recordsMeetings = await canRecordClubMeeting(db, actor, club);
  const seesNames = can(actor, "students.names", club.school_id);
  const members = await clubMembers(db, club.id);
  const current = members.filter((m) => !m.left_on);
  return {
    club: { ...club, grades: targetGrades(club) },
    school: { id: school.id, name: school.name },
    canManage,
    recordsMeetings,
    advises: recordsMeetings && !canManage,
    seesNames,
    counts: {
      students: current.filter((m) => m.category === "students").length,
      teachers: current.filter((m) => m.category !== "students").length,
      past: members.length - current.length,
    },
    // Students' names never leave their school: the commune gets the counts above only.
    members: seesNames ? members : [],
    candidates: canManage ? await joinCandidates(db, club) : [],
    meetings: await clubMeetings(db, club.id),
    today: vietnamToday(),
    takesAttendance: await canTakeAttendance(db, actor),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { actor, club } = await requireClub(request, context, params.id);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  // A meeting: the school's administrators and the club's advisors; members: the administrators only.
  if (intent === "record-meeting") {
    if (!(await canRecordClubMeeting(db, actor, club))) forbidden(MEETING_RECORDERS_ONLY);
  } else if (!canManageClubs(actor, club.school_id)) forbidden();
  try {
    if (intent === "add-members") {
      const parsed = parseForm(addMembersSchema, formData);
      if (!parsed.ok) return data({ ...parsed, intent }, { status: 400 });
      const n = await addMembers(db, actor, club, parsed.data);
      return redirect(`/clubs/${club.id}?added=${n}`);
    }
    if (intent === "end-membership") {
      const leftOn = dateText("Ngày rời không hợp lệ.").safeParse(formData.get("leftOn"));
      const memberId = idParam(String(formData.get("memberId")));
      if (!leftOn.success || !memberId)
        return data({ ...failure(formData, { leftOn: "Ngày rời không hợp lệ." }), intent }, { status: 400 });
      await endMembership(db, actor, club, memberId, leftOn.data);
      return redirect(`/clubs/${club.id}?left=1`);
    }
    if (intent === "record-meeting") {
      const parsed = parseForm(meetingSchema, formData);
      if (!parsed.ok) return data({ ...parsed, intent }, { status: 400 });
      const meeting = await recordMeeting(db, actor, club, parsed.data);
      return redirect(`/clubs/${club.id}?meeting=${meeting}#meetings`);
    }
  } catch (e) {
    return domainFailure(e, formData, { intent });
  }
  return data({ ...failure(formData, {}, "Thao tác không hợp lệ."), intent }, { status: 400 });
}

function MemberTable({
  members,
  canManage,
  today,
}: {
  members: ReturnType<typeof useLoaderData<typeof loader>>["members"];
  canManage: boolean;
  today: string;
}) {
  const current = members.filter((m) => !m.left_on);
  const past = members.filter((m) => m.left_on);
  return (
    <>
      <DataTable
        label="Bảng dữ liệu, có thể cuộn ngang"
        rows={current}
        columns={[
          { header: "Họ và tên", cell: (m) => m.full_name },
          { header: "Mã", cell: (m) => m.code, className: "hide-phone" },
          {
            header: "Lớp / loại",
            cell: (m) => (m.category === "students" ? m.class_name : PERSON_CATEGORY_LABELS[m.category]),
          },
          { header: "Vai trò", cell: (m) => CLUB_ROLE_LABELS[m.role] },
          { header: "Tham gia từ", cell: (m) => formatDate(m.joined_on) },
          {
            header: "Rời câu lạc bộ",
            label: "",
            show: canManage,
            cell: (m) => (
              // Folded: a member's card stays short, and leaving takes a second, deliberate tap.
              <details className="leave-member">
                <summary className="button button--ghost button--small">Rời…</summary>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="end-membership" />
                  <input type="hidden" name="memberId" value={m.id} />
                  <label htmlFor={`left-${m.id}`}>Ngày rời</label>
                  <DateInput id={`left-${m.id}`} name="leftOn" defaultValue={today} />
                  <button type="submit" className="button button--small">
                    {`Xác nhận ${m.full_name} rời câu lạc bộ`}
                  </button>
                </Form>
              </details>
            ),
          },
        ]}
        empty="Chưa có thành viên."
      />
      {past.length ? (
        <details style={{ marginTop: ".75rem" }}>
          <summary>Thành viên đã rời ({past.length})</summary>
          <ul>
            {past.map((m) => (
              <li key={m.id}>
                {m.full_name} ({m.code}) — {CLUB_ROLE_LABELS[m.role]}, {formatDate(m.joined_on)} –{" "}
                {formatDate(m.left_on)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

export default function ClubDetail() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  // A new location after each successful save: the forms start empty again instead of inviting a duplicate.
  const location = useLocation();
  const showAll = params.get("all") === "1";
  return (
    <>
      <RecordHeader title={d.club.name} subtitle={d.school.name} base={`/clubs/${d.club.id}`} canManage={d.canManage} />
      <DeletedNotice />
      <Notice when={params.get("created")}>
        Đã đăng ký câu lạc bộ. Tiếp theo: thêm thành viên và ghi các buổi sinh hoạt.
      </Notice>
      <Notice when={params.get("added")}>Đã thêm {params.get("added")} thành viên.</Notice>
      <Notice when={params.get("left")}>Đã ghi nhận thành viên rời câu lạc bộ (xem “Thành viên đã rời”).</Notice>
      <div className="card">
        <dl className="facts">
          <dt>Lĩnh vực</dt>
          <dd>{CLUB_FIELD_LABELS[d.club.field]}</dd>
          <dt>Khối</dt>
          <dd>{d.club.grades.map(gradeLabel).join(", ")}</dd>
          <dt>Lịch sinh hoạt</dt>
          <dd>{d.club.schedule || "—"}</dd>
          <dt>Trạng thái</dt>
          <dd>{CLUB_STATUS_LABELS[d.club.status]}</dd>
          <dt>Thành lập</dt>
          <dd>{d.club.founded_on ? formatDate(d.club.founded_on) : "—"}</dd>
          <dt>Thành viên hiện tại</dt>
          <dd>
            {`${formatNumber(d.counts.students)} học sinh, ${formatNumber(d.counts.teachers)} giáo viên${d.counts.past ? ` · ${d.counts.past} lượt đã rời` : ""}`}
          </dd>
        </dl>
        {d.club.description ? <p>{d.club.description}</p> : null}
      </div>

      <h2>Thành viên</h2>
      {d.seesNames ? (
        <>
          <IntentError result={actionData} intent="end-membership" field="leftOn" />
          <MemberTable members={d.members} canManage={d.canManage} today={d.today} />
        </>
      ) : (
        <p className="alert alert--info">Họ tên học sinh chỉ hiển thị cho cán bộ, giáo viên của trường.</p>
      )}

      {d.canManage ? (
        <AddMembersForm
          resetKey={params.get("added") ? location.key : undefined}
          actionData={actionData}
          today={d.today}
          candidates={d.candidates}
          peopleHref={`/people/${d.school.id}`}
        />
      ) : null}

      <h2 id="meetings">Buổi sinh hoạt</h2>
      <Notice when={params.get("meeting")}>
        Đã ghi buổi sinh hoạt.{" "}
        {d.takesAttendance && /^\d+$/.test(params.get("meeting") ?? "") ? (
          <Link to={`/attendance/${params.get("meeting")}`}>Điểm danh buổi này</Link>
        ) : null}
      </Notice>
      <DataTable
        label="Bảng dữ liệu, có thể cuộn ngang"
        rows={showAll ? d.meetings : d.meetings.slice(0, 10)}
        columns={[
          { header: "Thời gian", cell: (m) => formatDateTime(m.starts_at) },
          {
            header: "Chủ đề",
            cell: (m) => (
              <>
                <Link to={`/activities/${m.id}`}>{m.title.replace(`${d.club.name}: `, "")}</Link>
                {d.takesAttendance ? (
                  <>
                    {" · "}
                    <Link to={`/attendance/${m.id}`}>Điểm danh</Link>
                  </>
                ) : null}
              </>
            ),
          },
          { header: "Nội dung đã làm", className: "hide-phone", cell: (m) => m.description },
          { header: "Trạng thái", lead: true, cell: (m) => ACTIVITY_STATUS_LABELS[m.status] },
        ]}
        empty="Chưa ghi buổi sinh hoạt nào."
      />
      {d.meetings.length > 10 && !showAll ? (
        <p>
          <Link to="?all=1#meetings">Xem tất cả {d.meetings.length} buổi sinh hoạt</Link>
        </p>
      ) : null}
      {d.recordsMeetings ? (
        <MeetingForm
          resetKey={params.get("meeting") ? location.key : undefined}
          actionData={actionData}
          today={d.today}
        />
      ) : null}
    </>
  );
}

/**
 * What a page says when it cannot be shown (issue #16): the shell stays (header, navigation), the message is in
 * Vietnamese and names what went wrong, and the way back leads to the section the page belongs to, e.g. a club
 * that does not exist offers "Về Câu lạc bộ STEM". Every page route exports this as its ErrorBoundary; the root
 * uses it too, for what fails above the pages.
 */
import { isRouteErrorResponse, Link, useLocation, useRouteError } from "@remix-run/react";
import { SECTION_LINKS } from "./shell";

const STATUS_TEXT: Record<number, { title: string; text: string }> = {
  400: { title: "Yêu cầu không hợp lệ", text: "Dữ liệu gửi lên không đúng. Vui lòng kiểm tra và thử lại." },
  403: { title: "Không có quyền truy cập", text: "Tài khoản của bạn không được phép xem hoặc thay đổi nội dung này." },
  404: {
    title: "Không tìm thấy trang",
    text: "Trang hoặc dữ liệu bạn tìm không tồn tại, hoặc bạn không có quyền xem.",
  },
  405: { title: "Thao tác không được hỗ trợ", text: "Trang này không nhận thao tác bạn vừa gửi." },
  413: { title: "Tệp quá lớn", text: "Tệp gửi lên vượt quá dung lượng cho phép." },
  429: { title: "Quá nhiều yêu cầu", text: "Vui lòng chờ một lát rồi thử lại." },
  503: { title: "Máy chủ tạm thời bận", text: "Vui lòng thử lại sau ít giây; dữ liệu đã lưu không bị mất." },
};

const UNKNOWN = {
  title: "Đã có lỗi xảy ra",
  text: "Hệ thống gặp sự cố. Vui lòng thử lại sau hoặc báo cho quản trị viên; dữ liệu đã lưu không bị mất.",
};

/** The section a path belongs to (its first segment), for the way back; none for the home page and the rest. */
export function sectionOfPath(pathname: string): { to: string; label: string } | null {
  const first = pathname.split("/")[1] ?? "";
  const section = Object.values(SECTION_LINKS).find((s) => s.to !== "/" && s.to === `/${first}`);
  return section ?? null;
}

export function RouteErrorBoundary() {
  const error = useRouteError();
  const { pathname } = useLocation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const known = STATUS_TEXT[status] ?? UNKNOWN;
  const detail = isRouteErrorResponse(error) && typeof error.data?.message === "string" ? error.data.message : null;
  // On the section's own first page the way back is the home page only.
  const inSection = sectionOfPath(pathname);
  const section = inSection && inSection.to !== pathname.replace(/\/+$/, "") ? inSection : null;
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-page__code">{`Lỗi ${status}`}</p>
      <h1 id="error-title">{known.title}</h1>
      <p>{detail ?? known.text}</p>
      <p className="error-page__actions">
        {section ? (
          <Link to={section.to} className="button">
            {`Về ${section.label}`}
          </Link>
        ) : null}
        <a href="/" className={section ? "button button--ghost" : "button"}>
          Về trang chủ
        </a>
      </p>
    </section>
  );
}

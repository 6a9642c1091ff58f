import { Form, NavLink, Link, useLocation, useMatches, useSearchParams } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import type { Section } from "~/domain/auth/policies";

export const SECTION_LINKS: Record<Section, { to: string; label: string; short?: string }> = {
  home: { to: "/", label: "Trang chủ" },
  people: { to: "/people", label: "Danh sách người", short: "Người" },
  clubs: { to: "/clubs", label: "Câu lạc bộ STEM", short: "CLB" },
  contests: { to: "/contests", label: "Cuộc thi" },
  activities: { to: "/activities", label: "Hoạt động" },
  attendance: { to: "/attendance", label: "Điểm danh" },
  materials: { to: "/materials", label: "Học liệu" },
  indicators: { to: "/indicators", label: "Chỉ tiêu" },
  reports: { to: "/reports", label: "Báo cáo" },
  admin: { to: "/admin", label: "Quản trị" },
};

export interface ShellUser {
  fullName: string;
  email: string;
  roleLabel: string;
  unitName: string;
  sections: Section[];
  /** The few sections on a phone's bottom bar (the rest under "Thêm"). */
  primary: Section[];
  /** Whether the user deletes records (and so may restore them from the recycle bin). */
  binLink: boolean;
  /** Notifications not yet opened. */
  unread: number;
}

function Nav({ sections }: { sections: Section[] }) {
  return (
    <ul className="nav__list">
      {sections.map((s) => (
        <li key={s}>
          <NavLink to={SECTION_LINKS[s].to} end={s === "home"} prefetch="intent">
            {SECTION_LINKS[s].label}
          </NavLink>
        </li>
      ))}
    </ul>
  );
}

/** The initials of a name, for the account button ("Phạm Thị Lan" → "PL"). */
function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return "?";
  const first = words[0][0] ?? "";
  const last = words.length > 1 ? (words[words.length - 1][0] ?? "") : "";
  return (first + last).toUpperCase();
}

/** A <details> that closes when the page changes (the account menu, the phone's "Thêm"). */
function useClosingDetails() {
  const location = useLocation();
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [location.key]);
  return ref;
}

function AccountMenu({ user }: { user: ShellUser }) {
  const ref = useClosingDetails();
  return (
    <details className="account-menu" ref={ref}>
      <summary>
        <span className="account-menu__avatar" aria-hidden="true">
          {initials(user.fullName)}
        </span>
        <span className="visually-hidden">Tài khoản: </span>
        <span className="account-menu__name">{user.fullName}</span>
      </summary>
      <div className="account-menu__panel">
        <p className="account-menu__who">
          <strong>{user.fullName}</strong>
          <small>{user.unitName ? `${user.roleLabel} · ${user.unitName}` : user.roleLabel}</small>
          <small>{user.email}</small>
        </p>
        <ul>
          <li>
            <Link to="/notifications">Thông báo{user.unread ? ` (${user.unread} chưa đọc)` : ""}</Link>
          </li>
          {user.binLink ? (
            <li>
              <Link to="/recycle-bin">Thùng rác</Link>
            </li>
          ) : null}
          <li>
            <Link to="/account/password">Đổi mật khẩu</Link>
          </li>
        </ul>
        <Form method="post" action="/logout">
          <button type="submit" className="button button--ghost">
            Đăng xuất
          </button>
        </Form>
      </div>
    </details>
  );
}

/** A phone's bottom bar: the role's main sections one tap away, the others under "Thêm". */
function TabBar({ user }: { user: ShellUser }) {
  const more = useClosingDetails();
  const rest = user.sections.filter((s) => !user.primary.includes(s));
  return (
    <nav className="tabbar" aria-label="Điều hướng chính (điện thoại)">
      <ul>
        {user.primary.map((s) => (
          <li key={s}>
            <NavLink to={SECTION_LINKS[s].to} end={s === "home"} prefetch="intent">
              {SECTION_LINKS[s].short ?? SECTION_LINKS[s].label}
            </NavLink>
          </li>
        ))}
        {rest.length ? (
          <li>
            <details className="tabbar__more" ref={more}>
              <summary>Thêm</summary>
              <ul className="tabbar__sheet">
                {rest.map((s) => (
                  <li key={s}>
                    <NavLink to={SECTION_LINKS[s].to} prefetch="intent">
                      {SECTION_LINKS[s].label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </details>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

export function Shell({ user, children }: { user: ShellUser | null; children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Bỏ qua, đến nội dung chính
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            TA
          </span>
          <span className="brand__text">
            <strong>Tân An STEM</strong>
            <small>Kế hoạch tuyên truyền Nghị quyết 57-NQ/TW</small>
            <span className="visually-hidden"> (trang chủ)</span>
          </span>
        </Link>
        {user ? (
          <div className="topbar__user">
            {/* Its name is its visible words ("Thông báo", the count) with " chưa đọc" for screen readers. */}
            <Link to="/notifications" className="topbar__bell">
              <svg className="topbar__bell-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
                <path
                  fill="currentColor"
                  d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
                />
              </svg>
              <span className="topbar__bell-text">Thông báo</span>
              {user.unread ? (
                <span className="count-badge">
                  {user.unread > 99 ? "99+" : user.unread}
                  <span className="visually-hidden"> chưa đọc</span>
                </span>
              ) : null}
            </Link>
            <AccountMenu user={user} />
          </div>
        ) : null}
      </header>
      {user ? (
        <nav className="nav" aria-label="Điều hướng chính">
          <Nav sections={user.sections} />
        </nav>
      ) : null}
      <main id="main" className={user ? "main main--tabbed" : "main"} tabIndex={-1}>
        {children}
      </main>
      <footer className={user ? "footer footer--tabbed" : "footer"}>
        <p>UBND xã Tân An · Phòng Văn hóa - Xã hội · Hạn báo cáo: trước 10/6 và 10/12 hằng năm</p>
      </footer>
      {user ? <TabBar user={user} /> : null}
    </>
  );
}

/**
 * A page's heading and intro, declared once as its route's `handle` (`export const handle: PageHandle = {…}`): the
 * page header shows them and the route's meta titles the window with the same heading (`titled(handle.title)`).
 */
export interface PageHandle {
  title: string;
  subtitle?: string;
  /** Shown without the app's header, menu and footer (a page other sites frame, e.g. /public/progress/embed). */
  bare?: boolean;
}

/** The heading and intro the current page declared in its route's `handle`. */
export function usePageHandle(): PageHandle | undefined {
  const matches = useMatches();
  return [...matches].reverse().find((m) => (m.handle as PageHandle | undefined)?.title)?.handle as
    PageHandle | undefined;
}

/** The page's heading, intro and actions; heading and intro from the route's `handle` unless given. */
export function PageHeader(props: { title?: string; subtitle?: ReactNode; actions?: ReactNode }) {
  const handle = usePageHandle();
  const title = props.title ?? handle?.title ?? "";
  const subtitle = props.title ? props.subtitle : (props.subtitle ?? handle?.subtitle);
  const { actions } = props;
  return (
    <div className="page-header">
      <div>
        <h1>{title}</h1>
        {subtitle ? <p className="page-header__subtitle">{subtitle}</p> : null}
      </div>
      {actions ? <div className="page-header__actions">{actions}</div> : null}
    </div>
  );
}

/** The way back to the page this one belongs to, above the title: "← …". */
export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <p>
      <Link to={to}>{`← ${label}`}</Link>
    </p>
  );
}

/** "Sửa" and "Xóa" links of a record page, for those who may change it. */
export function EditDeleteActions({ base, show }: { base: string; show: boolean }) {
  if (!show) return null;
  return (
    <>
      <Link to={`${base}/edit`} className="button button--ghost">
        Sửa
      </Link>
      <Link to={`${base}/delete`} className="button button--ghost">
        Xóa
      </Link>
    </>
  );
}

/** A success message shown after a redirect that set ?flag=1. */
export function Notice({ when, children }: { when: unknown; children: ReactNode }) {
  if (!when) return null;
  return (
    <div className="alert alert--success" role="status">
      {children}
    </div>
  );
}

/** After a delete redirected back to a list with ?deleted=1: where it went and for how long. */
export function DeletedNotice() {
  const [params] = useSearchParams();
  return (
    <Notice when={params.get("deleted")}>
      Đã xóa và chuyển vào <Link to="/recycle-bin">Thùng rác</Link>: có thể khôi phục trong 30 ngày, cùng mọi dữ liệu
      kèm theo.
    </Notice>
  );
}

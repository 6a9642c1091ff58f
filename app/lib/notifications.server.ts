/** The server module of the notifications page and the header's unread count (decision 021). */
export {
  emailPreference,
  INBOX_PAGE_SIZE,
  listNotifications,
  markAllRead,
  openNotification,
  setEmailPreference,
  unreadCount,
} from "~/domain/notifications/inbox";
export { mailCounts, undeliveredMail } from "~/domain/notifications/delivery";
export { remindUnsubmitted } from "~/domain/notifications/reminders";
export { mailEnabled, sendQueuedMailSoon } from "./mail.server";

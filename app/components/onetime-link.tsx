import { formatDateTime } from "~/domain/shared/format";
import { CopyButton } from "./copy-button";

/** Shows a one-time link once, with what the administrator must do with it, and a copy button. */
export function OneTimeLink({ url, expiresAt, title }: { url: string; expiresAt: string; title: string }) {
  return (
    <div className="alert alert--success" role="status">
      <p>
        <strong>{title}</strong>
      </p>
      <p>
        Hãy gửi liên kết dưới đây cho người dùng (Zalo, tin nhắn hoặc in ra). Liên kết chỉ hiển thị một lần, dùng được
        một lần và hết hạn lúc {formatDateTime(expiresAt)}.
      </p>
      <p className="onetime-link" data-testid="onetime-link">
        {url}
      </p>
      <CopyButton text={url} label="Sao chép liên kết" />
    </div>
  );
}

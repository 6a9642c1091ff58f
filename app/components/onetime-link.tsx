import { useEffect, useState } from "react";
import { formatDateTime } from "~/lib/format";

/** Shows a one-time link once, with what the administrator must do with it, and a copy button. */
export function OneTimeLink({ url, expiresAt, title }: { url: string; expiresAt: string; title: string }) {
  const [canCopy, setCanCopy] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setCanCopy(typeof navigator !== "undefined" && !!navigator.clipboard), []);
  return (
    <div className="alert alert--success" role="status">
      <p>
        <strong>{title}</strong>
      </p>
      <p>
        Hãy gửi liên kết dưới đây cho người dùng (Zalo, tin nhắn hoặc in ra). Liên kết chỉ hiển thị một lần, dùng được một lần và hết hạn lúc{" "}
        {formatDateTime(expiresAt)}.
      </p>
      <p className="onetime-link" data-testid="onetime-link">
        {url}
      </p>
      {canCopy ? (
        <button
          type="button"
          className="button button--ghost"
          onClick={() => {
            void navigator.clipboard.writeText(url).then(() => setCopied(true));
          }}
        >
          {copied ? "Đã sao chép ✓" : "Sao chép liên kết"}
        </button>
      ) : null}
    </div>
  );
}

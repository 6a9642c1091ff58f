import { CopyButton } from "~/components/copy-button";

/** The address of a unit's calendar feed (activities, report deadlines and cut-offs) for a phone's calendar app. */
export function CalendarFeedCard({ url, what }: { url: string; what: string }) {
  return (
    <div className="card" style={{ marginTop: "1rem" }}>
      <h2>Theo dõi lịch trên điện thoại</h2>
      <p>
        Trong ứng dụng Lịch (Google Calendar, Lịch iPhone), chọn “Thêm lịch từ URL / Đăng ký lịch” và dán địa chỉ dưới
        đây. Lịch tự cập nhật khi có {what}.
      </p>
      <p className="onetime-link">{url}</p>
      <CopyButton text={url} label="Sao chép địa chỉ lịch" />
      <p className="muted">Chỉ chia sẻ địa chỉ này trong đơn vị.</p>
    </div>
  );
}

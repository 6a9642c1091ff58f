import { formatNumber } from "~/domain/shared/format";
import { TableWrap } from "./table";

export interface PreviewRowView {
  line: number;
  code: string;
  fullName: string;
  status: "new" | "update" | "unchanged" | "error";
  errors: string[];
}

const STATUS: Record<PreviewRowView["status"], { label: string; badge: string }> = {
  new: { label: "Thêm mới", badge: "badge--green" },
  update: { label: "Cập nhật", badge: "badge--amber" },
  unchanged: { label: "Không đổi", badge: "" },
  error: { label: "Lỗi", badge: "badge--red" },
};

/** The preview of an import: counts, then every bad row with its reasons, then the rows to be written. */
export function ImportPreviewTable({
  rows,
  counts,
  limit = 2000,
}: {
  rows: PreviewRowView[];
  counts: Record<PreviewRowView["status"], number>;
  limit?: number;
}) {
  const ordered = [...rows.filter((r) => r.status === "error"), ...rows.filter((r) => r.status !== "error")].slice(
    0,
    limit,
  );
  return (
    <>
      <div className="grid" style={{ marginBottom: "1rem" }}>
        {(Object.keys(STATUS) as PreviewRowView["status"][]).map((s) => (
          <div className="stat" key={s}>
            <span className="stat__value">{formatNumber(counts[s])}</span>
            <span className="stat__label">{STATUS[s].label}</span>
          </div>
        ))}
      </div>
      <TableWrap label="Bảng dữ liệu, có thể cuộn ngang">
        <table>
          <caption className="muted" style={{ textAlign: "left", padding: ".5rem .75rem" }}>
            {counts.error ? "Các dòng lỗi được liệt kê trước" : "Các dòng sẽ được ghi"}
            {rows.length > limit ? `; chỉ hiển thị ${formatNumber(limit)} dòng đầu` : ""}.
          </caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Dòng
              </th>
              <th scope="col">Mã</th>
              <th scope="col">Họ và tên</th>
              <th scope="col">Kết quả</th>
              <th scope="col">Lý do</th>
            </tr>
          </thead>
          <tbody>
            {ordered.map((r) => (
              <tr key={r.line}>
                <td className="num">{r.line}</td>
                <td>{r.code}</td>
                <td>{r.fullName}</td>
                <td>
                  <span className={`badge ${STATUS[r.status].badge}`}>{STATUS[r.status].label}</span>
                </td>
                <td>{r.errors.join(" ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}

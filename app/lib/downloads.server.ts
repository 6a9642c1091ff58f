/** A list's workbook as the browser downloads it (issue 19): never cached, named for the list and the day. */
import { vietnamToday } from "~/domain/shared/time";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** `name`: the file's name without its date or extension ("hoat-dong"); anything but ASCII letters, digits, "-" and "_" becomes "-". */
export function xlsxDownload(body: Buffer, name: string): Response {
  const safe = name.replace(/[^A-Za-z0-9_-]+/g, "-");
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": XLSX,
      "Content-Disposition": `attachment; filename="${safe}-${vietnamToday()}.xlsx"`,
      "Cache-Control": "private, no-store",
    },
  });
}

import { z } from "zod";
import { recordId } from "../shared/schema-helpers";
import { cleanText } from "../shared/text";
import { ATTENDANCE_STATUSES } from "./vocabulary";

/** One tap of the roll call (sent by the phone, retried until the server says it is saved). */
export const markSchema = z.object({
  personId: recordId(),
  status: z.enum(ATTENDANCE_STATUSES),
  note: z
    .string()
    .transform(cleanText)
    .pipe(z.string().trim().max(200, "Ghi chú tối đa 200 ký tự."))
    .optional()
    .or(z.literal("")),
});

/** The roll call form without JavaScript: fields "status.<personId>" and "note.<personId>". */
export function marksFromForm(
  formData: FormData,
): { personId: number; status: (typeof ATTENDANCE_STATUSES)[number]; note?: string }[] {
  const out: { personId: number; status: (typeof ATTENDANCE_STATUSES)[number]; note?: string }[] = [];
  for (const [key, value] of formData.entries()) {
    const m = /^status\.(\d+)$/.exec(key);
    if (!m || typeof value !== "string") continue;
    // Only rows that changed: a save must not rewrite (or wipe the notes of) marks nobody touched.
    if (formData.get(`prev.${m[1]}`) === value) continue;
    const note = formData.get(`note.${m[1]}`);
    const parsed = markSchema.safeParse({
      personId: m[1],
      status: value,
      ...(typeof note === "string" ? { note } : {}),
    });
    if (parsed.success) out.push(parsed.data);
  }
  return out.slice(0, 5000);
}

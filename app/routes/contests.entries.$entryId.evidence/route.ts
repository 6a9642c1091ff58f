import fs from "node:fs";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { fileTypeFromFile } from "file-type";
import { notFound, requireActor } from "~/lib/auth.server";
import { db } from "~/lib/db.server";
import { idParam } from "~/lib/params";
import { canSeeContest, maySeeEntryEvidence, refuse, seesUnit } from "~/domain/auth/policies";
import { getEntry, storedPath } from "~/lib/contests.server";

/**
 * An entry's evidence file: only for its school's staff (a certificate or photo can name pupils). The commune's
 * readers, who see the entry, are refused (403); anyone who does not see it gets 404.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, context);
  const id = idParam(params.entryId);
  const entry = id ? await getEntry(db, id) : undefined;
  if (!entry?.evidence_file || !(await canSeeContest(db, actor, entry.contest_id))) notFound();
  if (!maySeeEntryEvidence(actor, entry))
    refuse(
      seesUnit(actor, { id: entry.school_id, kind: "school" }),
      "Minh chứng có thể ghi tên học sinh: chỉ cán bộ, giáo viên của trường xem được.",
    );
  const file = storedPath(entry.evidence_file);
  if (!fs.existsSync(file)) notFound();
  const type = await fileTypeFromFile(file);
  const name = entry.evidence_name ?? "minh-chung";
  return new Response(fs.readFileSync(file), {
    headers: {
      "Content-Type": type?.mime ?? "application/octet-stream",
      "Content-Disposition": `inline; filename="minh-chung${type ? `.${type.ext}` : ""}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "private, no-store",
    },
  });
}

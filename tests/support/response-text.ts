/**
 * The readable text of an answer, whatever it is: HTML, a Remix `.data` stream, JSON, CSV, iCalendar, RSS, or an
 * Office file (XLSX, DOCX: a zip whose XML parts are read). Other binaries (PDF, images) give "". And a finder of
 * full names in such text: every run of words separated by spaces, and every stretch of 2–6 words in it, is looked
 * up among the names (so "<td>Mạc Thị Ánh Dương</td>" and "Em Mạc Thị Ánh Dương đạt giải" are both found).
 */
import JSZip from "jszip";

const ZIP = [0x50, 0x4b, 0x03, 0x04];

export async function readableText(body: Uint8Array, contentType: string | null): Promise<string> {
  if (ZIP.every((b, i) => body[i] === b)) {
    const zip = await JSZip.loadAsync(body);
    const parts = await Promise.all(
      Object.values(zip.files)
        .filter((f) => !f.dir && /\.(xml|rels)$/.test(f.name))
        .map((f) => f.async("string")),
    );
    // Word may split a paragraph into runs: read the text without its tags, runs joined.
    return parts
      .map((xml) =>
        xml
          .replace(/<\/w:t>\s*<\/w:r>\s*<w:r>(?:<w:rPr>.*?<\/w:rPr>)?\s*<w:t(?: [^>]*)?>/g, "")
          .replace(/<[^>]+>/g, " "),
      )
      .join("\n");
  }
  const type = (contentType ?? "").toLowerCase();
  if (
    type.startsWith("image/") ||
    type.startsWith("video/") ||
    type.startsWith("audio/") ||
    type.includes("pdf") ||
    type.includes("octet-stream")
  )
    return "";
  return decodeEntities(new TextDecoder().decode(body));
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (m, e: string) => {
    const k = e.toLowerCase();
    if (k.startsWith("#x")) return String.fromCodePoint(parseInt(k.slice(2), 16));
    if (k.startsWith("#")) return String.fromCodePoint(Number(k.slice(1)));
    return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " } as Record<string, string>)[k] ?? m;
  });
}

/** The names of `names` found in `text`. */
export function namesIn(text: string, names: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  const runs = text.normalize("NFC").match(/[\p{L}\p{M}]+(?:[ \u00a0]+[\p{L}\p{M}]+)*/gu) ?? [];
  for (const run of runs) {
    const words = run.split(/[ \u00a0]+/);
    if (words.length < 2) continue;
    for (let i = 0; i < words.length; i++)
      for (let n = 2; n <= 6 && i + n <= words.length; n++) {
        const candidate = words.slice(i, i + n).join(" ");
        if (names.has(candidate)) found.add(candidate);
      }
  }
  return [...found];
}

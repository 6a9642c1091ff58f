/** Whether a text is well-formed XML 1.0 (saxes, the strict parser exceljs uses): the first error, or null. */
import { SaxesParser } from "saxes";

export function xmlError(xml: string): string | null {
  const parser = new SaxesParser();
  let error: string | null = null;
  parser.on("error", (e) => {
    error ??= e.message;
  });
  parser.write(xml).close();
  return error;
}

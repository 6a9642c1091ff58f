/**
 * Developer tool: screenshots of pages at phone (390 px) and desktop widths, for looking at what we build.
 * `BASE_URL=http://localhost:3000 npx tsx scripts/screenshots.ts [email] [path …]` → screenshots/*.png (FULL_PAGE=0: the first screen only;
 * CLICK="Button name": press that button first, e.g. to see a confirmation; the file name then ends in "-clicked")
 */
import fs from "node:fs";
import { launchContext, login } from "../tests/support/browser";

const base = process.env.BASE_URL || "http://localhost:3000";
const [email = "vhxh@tanan.demo", ...paths] = process.argv.slice(2);
const pages = paths.length ? paths : ["/"];
fs.mkdirSync("screenshots", { recursive: true });
for (const [label, width, mobile] of [
  ["phone", 390, true],
  ["desktop", 1280, false],
] as const) {
  const context = await launchContext({ width, height: mobile ? 844 : 900, isMobile: mobile });
  const page = await context.newPage();
  if (email !== "anonymous") await login(page, base, email, process.env.PASSWORD || "TanAn@2025");
  for (const p of pages) {
    await page.goto(base + p);
    // A PDF's preview is drawn after the page loads (pdf.js): wait for its first page, or its message.
    if (await page.getByTestId("pdf-page").count())
      await page
        .locator('[data-testid="pdf-page"][data-page], .pdf-preview__failed')
        .first()
        .waitFor({ timeout: 15_000 })
        .catch(() => {});
    if (process.env.CLICK) {
      await page.getByRole("button", { name: process.env.CLICK }).first().click();
      await page.waitForTimeout(300);
    }
    const file = `screenshots/${email.split("@")[0]}${p.replace(/[^a-z0-9]+/gi, "_")}${process.env.CLICK ? "-clicked" : ""}-${label}.png`;
    await page.screenshot({ path: file, fullPage: process.env.FULL_PAGE !== "0" });
    console.log(file);
  }
  await context.close();
}

import fs from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { expectAccessible } from "../support/axe";
import { launchContext, login } from "../support/browser";
import { DEMO_PASSWORD } from "../support/http";
import { serverOne } from "../support/server-db";

const base = inject("baseUrl");
const uploads = inject("serverUploadDir");
const media = (f: string) => fs.readFileSync(path.resolve("scripts/seed/media", f));
const storedCount = () => {
  const dir = path.join(uploads, "objects");
  return fs.existsSync(dir)
    ? fs.readdirSync(dir, { recursive: true }).filter((f) => !fs.statSync(path.join(dir, String(f))).isDirectory())
        .length
    : 0;
};
const incoming = () =>
  fs.existsSync(path.join(uploads, ".incoming")) ? fs.readdirSync(path.join(uploads, ".incoming")).length : 0;

let ctx: BrowserContext;
let page: Page;
beforeAll(async () => {
  ctx = await launchContext();
  page = await ctx.newPage();
  await login(page, base, "gv.thcs@tanan.demo", DEMO_PASSWORD);
});
afterAll(async () => {
  await ctx?.close();
});

async function upload(
  title: string,
  kind: string,
  file?: { name: string; buffer: Buffer; mimeType: string },
  opts: { visibility?: string; link?: string; topic?: string } = {},
) {
  await page.goto(`${base}/materials/new`);
  await page.getByLabel("Tên học liệu").fill(title);
  await page.getByLabel("Loại").selectOption({ label: kind });
  if (opts.visibility) await page.getByLabel("Chia sẻ", { exact: true }).selectOption({ label: opts.visibility });
  if (opts.topic) await page.getByLabel(opts.topic, { exact: true }).check();
  if (opts.link) await page.getByLabel("Hoặc đường dẫn (video trên mạng, thư mục chia sẻ)").fill(opts.link);
  if (file) await page.getByLabel("Tệp", { exact: true }).setInputFiles(file);
  await page.getByRole("button", { name: "Đăng học liệu" }).click();
}

describe("learning materials in a browser", () => {
  it("a teacher uploads a PDF, an MP4 and an MP3 and registers a link, finds them without accents, previews the PDF and seeks in the video", async () => {
    await upload(
      "Tài liệu Chuyển đổi số E2E",
      "Tài liệu số",
      { name: "../../etc/passwd.pdf", buffer: media("demo.pdf"), mimeType: "application/pdf" },
      { topic: "Chuyển đổi số" },
    );
    await page.getByText("Đã đăng học liệu.").waitFor();
    await expectAccessible(page);
    await page.locator('[data-testid="pdf-page"][data-page="1"]').waitFor(); // drawn by pdf.js (materials-phone.test.ts)
    const pdfId = Number(new URL(page.url()).pathname.split("/").pop());
    expect(serverOne<{ file_name: string }>("select file_name from materials where id = ?", pdfId).file_name).toBe(
      "passwd.pdf",
    );
    const pdf = await page.request.get(`${base}/materials/${pdfId}/file`);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");

    await upload(
      "Video Thí nghiệm E2E",
      "Video ngắn",
      { name: "video.mp4", buffer: media("demo.mp4"), mimeType: "video/mp4" },
      { visibility: "Công khai" },
    );
    await page.getByText("Đã đăng học liệu.").waitFor();
    const video = page.getByTestId("video-player");
    await video.waitFor();
    const seeked = await video.evaluate(
      (v: HTMLVideoElement) =>
        new Promise<number>((resolve, reject) => {
          const go = () => {
            v.addEventListener("seeked", () => resolve(v.currentTime), { once: true });
            v.currentTime = 3;
          };
          if (v.readyState >= 1) go();
          else v.addEventListener("loadedmetadata", go, { once: true });
          setTimeout(() => reject(new Error("no seek")), 15000);
        }),
    );
    expect(seeked).toBeGreaterThan(2.5);

    await upload("Podcast Đổi mới sáng tạo E2E", "Podcast", {
      name: "podcast.mp3",
      buffer: media("demo.mp3"),
      mimeType: "audio/mpeg",
    });
    await page.getByText("Đã đăng học liệu.").waitFor();
    expect(await page.locator("audio").count()).toBe(1);

    await upload("Bài giảng trên mạng E2E", "Bài giảng điện tử", undefined, {
      link: "https://video.example/bai-giang",
    });
    await page.getByText("Đã đăng học liệu.").waitFor();

    await page.goto(`${base}/materials?q=chuyen+doi+so+e2e`);
    expect(await page.getByRole("link", { name: "Tài liệu Chuyển đổi số E2E" }).count()).toBe(1);
    await expectAccessible(page);
  }, 90_000);

  it("refuses a file renamed to .pdf that is not a PDF, and stops an oversized upload early leaving nothing behind", async () => {
    const before = storedCount();
    await upload("Giả mạo PDF", "Tài liệu số", {
      name: "bai-giang.pdf",
      buffer: Buffer.from("MZ this is not a pdf at all"),
      mimeType: "application/pdf",
    });
    await page.getByText(/Tệp không đúng loại cho phép/).waitFor();
    expect(await page.getByLabel("Tên học liệu").inputValue()).toBe("Giả mạo PDF");
    const big = Buffer.alloc(25 * 1024 * 1024, 0x20);
    big.write("%PDF-1.4\n");
    await upload("PDF quá lớn", "Tài liệu số", { name: "lon.pdf", buffer: big, mimeType: "application/pdf" });
    await page.getByText(/Tệp quá lớn/).waitFor({ timeout: 60_000 });
    expect(storedCount()).toBe(before);
    expect(incoming()).toBe(0);
  }, 90_000);

  it("another school cannot open a school-only material; the public page shows only public items", async () => {
    const own = serverOne<{ id: number }>("select id from materials where title = 'Tài liệu Chuyển đổi số E2E'");
    const other = await launchContext();
    const p = await other.newPage();
    await login(p, base, "bgh.tieuhoca@tanan.demo", DEMO_PASSWORD);
    const res = await p.goto(`${base}/materials/${own.id}`);
    expect(res?.status()).toBe(404);
    expect((await p.request.get(`${base}/materials/${own.id}/file`)).status()).toBe(404);
    await other.close();

    const anon = await launchContext({ width: 390, height: 844, isMobile: true });
    const a = await anon.newPage();
    await a.goto(`${base}/public`);
    expect(await a.getByRole("link", { name: "Video Thí nghiệm E2E" }).count()).toBe(1);
    expect(await a.getByRole("link", { name: "Tài liệu Chuyển đổi số E2E" }).count()).toBe(0);
    expect(await a.getByRole("link", { name: /Podcast Đổi mới sáng tạo E2E/ }).count()).toBe(0);
    await expectAccessible(a);
    const rss = await a.request.get(`${base}/public/feed.xml`);
    expect(rss.headers()["content-type"]).toContain("rss");
    expect(await rss.text()).toContain("Video Thí nghiệm E2E");
    await anon.close();
  });
});

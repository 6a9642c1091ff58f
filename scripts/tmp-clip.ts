import { launchContext, login } from "../tests/support/browser";
const [email, path, y, out] = process.argv.slice(2);
const ctx = await launchContext({ width: 390, height: 844, isMobile: true });
const page = await ctx.newPage();
await login(page, "http://localhost:3111", email, "TanAn@2025");
await page.goto("http://localhost:3111" + path);
await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y: Number(y), width: 390, height: 900 } });
await ctx.close();

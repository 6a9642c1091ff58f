/** A phone in the browser tests (issue 20): its screen, and the check that a page needs no sideways scroll on it. */
import type { BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { launchContext, login } from "./browser";
import { DEMO_PASSWORD } from "./http";

/** A common phone's screen, with touch: pass to launchContext. */
export const PHONE = { width: 390, height: 844, isMobile: true } as const;

/** A page that needs no sideways scroll at a phone's width. */
export async function fitsThePhone(p: Page): Promise<void> {
  const width = await p.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(width, p.url()).toBeLessThanOrEqual(PHONE.width);
}

/** A phone with a demo account signed in: its browser context (close it after the tests) and its page. */
export async function signedInPhone(baseUrl: string, email: string): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await launchContext(PHONE);
  const page = await ctx.newPage();
  await login(page, baseUrl, email, DEMO_PASSWORD);
  return { ctx, page };
}

/** A phone in the browser tests (issue 20): its screen, and the check that a page needs no sideways scroll on it. */
import type { Page } from "playwright-core";
import { expect } from "vitest";

/** A common phone's screen, with touch: pass to launchContext. */
export const PHONE = { width: 390, height: 844, isMobile: true } as const;

/** A page that needs no sideways scroll at a phone's width. */
export async function fitsThePhone(p: Page): Promise<void> {
  const width = await p.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(width, p.url()).toBeLessThanOrEqual(PHONE.width);
}

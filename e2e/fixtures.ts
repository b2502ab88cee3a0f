// Shared pieces of the end-to-end tests: a page that fails the test on any console error or
// uncaught exception, and helpers that wait on the console's content (never on fixed sleeps).
import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/** The shell's prompt ends the screen (root's "# "; readScreen() trims trailing blanks). */
export const PROMPT_AT_END = /(^|\n)[^\n]*#$/;

export const test = base.extend<{ errors: string[] }>({
  errors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await use(errors);
    expect(errors, 'console errors and uncaught exceptions').toEqual([]);
  },
});
export { expect };

export function screen(page: Page): Promise<string> {
  return page.evaluate(() => window.__khelper?.readScreen?.() ?? '');
}

/** Open the page and wait for the shell's prompt. */
export async function openPlayground(page: Page, path = './'): Promise<void> {
  await page.goto(path);
  await expect.poll(() => screen(page), { timeout: 15_000 }).toMatch(PROMPT_AT_END);
}

/** Type a command line into the console (focusing it first) and press Enter. */
export async function typeLine(page: Page, line: string): Promise<void> {
  await page.locator('#console .xterm-helper-textarea').focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/** Wait until the console shows `re` after the last occurrence of `after` (default: anywhere). */
export async function waitScreen(page: Page, re: RegExp, timeout = 10_000): Promise<void> {
  await expect.poll(() => screen(page), { timeout }).toMatch(re);
}

/**
 * Test mode, set before the page's own code runs (src/ui/early.ts): the engine's worker takes
 * test commands (`api.__test`, e.g. a hang) and the watchdog looks at it every 250 ms.
 */
export async function enableTestMode(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (window as unknown as { __khelperTestMode: boolean }).__khelperTestMode = true;
  });
}

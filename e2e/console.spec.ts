import { test, expect } from '@playwright/test';

test('a line typed in the console comes back from the worker', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('./');
  await expect.poll(() => page.evaluate(() => window.__khelper?.readScreen() ?? '')).toContain('engine is wired');
  await page.locator('#console .xterm').click();
  await page.keyboard.type('hello khelper');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => window.__khelper.readScreen())).toMatch(/hello khelper\n.*hello khelper/);
  expect(errors).toEqual([]);
});

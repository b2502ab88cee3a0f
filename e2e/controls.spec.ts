import type { Page } from '@playwright/test';
import { test, expect, openPlayground, screen, typeLine, waitScreen, PROMPT_AT_END } from './fixtures.ts';

const clock = async (page: Page): Promise<number> => parseFloat((await page.locator('#clock').textContent()) ?? 'NaN');

/** Let the page render a number of frames (the worker sends at most one batch per frame). */
const frames = (page: Page, n: number): Promise<void> =>
  page.evaluate((count) => new Promise<void>((done) => {
    let left = count;
    const tick = (): void => (--left <= 0 ? done() : void requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  }), n);

test('Pause, Step and Run change what the clock shows', async ({ page, errors: _errors }) => {
  await openPlayground(page);
  // Running at 1x: the virtual clock follows real time, even at an idle prompt.
  const t0 = await clock(page);
  await expect.poll(() => clock(page)).toBeGreaterThan(t0);

  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('#runstate')).toHaveText('paused');
  await frames(page, 5);
  const paused = await clock(page);
  await frames(page, 20);
  expect(await clock(page)).toBe(paused);

  // Step: one scheduler event, or a millisecond of idle time; the clock moves and stays.
  await page.getByRole('button', { name: 'Step' }).click();
  await expect.poll(() => clock(page)).toBeGreaterThan(paused);
  const stepped = await clock(page);
  expect(stepped - paused).toBeLessThan(0.5);
  await page.getByRole('button', { name: 'Step' }).click();
  await expect.poll(() => clock(page)).toBeGreaterThan(stepped);
  const stepped2 = await clock(page);
  await frames(page, 20);
  expect(await clock(page)).toBe(stepped2);

  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.locator('#runstate')).toHaveText(/running/);
  await expect.poll(() => clock(page)).toBeGreaterThan(stepped2 + 0.05);
});

test('speed scales virtual time: sleep 5 at 1000x takes moments', async ({ page, errors: _errors }) => {
  await openPlayground(page);
  await page.getByLabel('Speed').selectOption({ label: '1000×' });
  const t0 = await clock(page);
  await page.locator('#console .xterm-helper-textarea').focus();
  await page.keyboard.type('sleep 5; echo woke');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => window.__khelper.readScreen())).toMatch(/\nwoke\n/);
  expect(await clock(page)).toBeGreaterThanOrEqual(t0 + 5);
});

test("changing the kernel profile reboots with the user's files kept; threads-max is a sysctl", async ({ page, errors: _errors }) => {
  await openPlayground(page);
  await typeLine(page, 'echo mine > /root/mine.txt; echo written');
  await waitScreen(page, /\nwritten\n[^\n]*#$/);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Kernel profile').selectOption('6.6');
  // The reboot clears the console and prints the banner again.
  await expect.poll(() => screen(page)).not.toContain('echo mine');
  await waitScreen(page, PROMPT_AT_END);
  await typeLine(page, 'uname -r; cat /root/mine.txt');
  await waitScreen(page, /\n6\.6\.0-khelper\nmine\n/);

  await page.getByLabel('threads-max').fill('100');
  await page.getByLabel('threads-max').press('Enter');
  await typeLine(page, 'cat /proc/sys/kernel/threads-max');
  await waitScreen(page, /threads-max\n100\n/);
  await expect.poll(() => page.evaluate(() => window.__khelper.settings().kernel.profile)).toBe('6.6');
});

// The watchdog (src/ui/watchdog.ts): a worker that stops answering (an engine bug; here the
// test-mode command that blocks the worker) is noticed, terminated and replaced, and the new
// machine boots with the user's files. A machine that freezes again right after such a reboot
// boots without them; a third freeze makes the page give up and say so.
import type { Page } from '@playwright/test';
import { test, expect, enableTestMode, openPlayground, screen, typeLine, waitScreen } from './fixtures.ts';
import { watchMainThread } from './longtasks.ts';

interface Timing { silentMs: number; bootMs: number; withoutFiles: boolean }
const restarts = (page: Page): Promise<Timing[]> =>
  page.evaluate(() => (window.__khelper as unknown as { restarts(): Timing[] }).restarts());

/** Block the worker for ms (it is terminated long before). */
const hang = (page: Page, ms: number): Promise<void> => page.evaluate((t) => {
  const api = window.__khelper.api as unknown as { __test(c: { hang: number }): Promise<boolean> };
  void api.__test({ hang: t }).catch(() => undefined);
}, ms);

test("a worker that stops answering is restarted with the user's files; the console works again", async ({ browser, page, errors: _errors }) => {
  await enableTestMode(page);
  await openPlayground(page);
  await typeLine(page, 'echo kept across the restart > /root/keep.txt; echo written');
  await waitScreen(page, /\nwritten\n[^\n]*#$/);
  // The watchdog keeps the last copy of the files the page read (autosave reads them too).
  await page.evaluate(() => window.__khelper.saveNow());
  // Monaco loads in idle time after the first prompt, and evaluating it is one long task of its
  // own; on a slow machine it can fall into the window below, which is about the restart.
  await expect(page.locator('#editor-host[data-editor="monaco"] .monaco-editor')).toBeVisible({ timeout: 20_000 });

  const watch = await watchMainThread(browser, page);
  await hang(page, 60_000);
  // The page stays responsive while the worker is stuck: the Pause button still answers.
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'true');
  await waitScreen(page, /the engine stopped answering for \d+\.\d s and\s*was\s*restarted; your files were\s*restored \(\d+ changed paths?\)/, 15_000);
  expect(await page.locator('#status').textContent()).toMatch(/^The engine stopped answering for/);
  const [r] = await restarts(page);
  expect(r.withoutFiles).toBe(false);
  // Test mode: a heartbeat every 250 ms, a hang after 3 s without an answer.
  expect(r.silentMs).toBeGreaterThanOrEqual(3000);
  expect(r.silentMs).toBeLessThan(5000);
  console.log(`watchdog: silent ${Math.round(r.silentMs)} ms before the restart, reboot ${Math.round(r.bootMs)} ms`);

  // The old screen stays above the notice; the new machine's prompt follows it.
  expect(await screen(page)).toContain('written');
  await expect.poll(() => page.locator('#runstate').textContent()).toBe('paused');
  await page.getByRole('button', { name: 'Run' }).click();
  await typeLine(page, 'cat /root/keep.txt');
  await waitScreen(page, /cat \/root\/keep.txt\nkept across the restart\n[^\n]*#$/);
  expect(await page.evaluate(() => window.__khelper.api.read('/root/keep.txt'))).toMatchObject({ bytes: 'kept across the restart\n' });
  await expect(page.locator('#alert')).toBeHidden();
  const mt = await watch.stop();
  console.log(`watchdog: main thread ${JSON.stringify(mt)}`);
  // Noticing, terminating and starting the worker happen off the page's critical path: no task of
  // the page does 50 ms of work (CPU time; on a shared machine a short task may wait for a core).
  expect(mt.observed.filter((o) => o.cpuMs >= 50), 'long tasks that did 50 ms of work or more').toEqual([]);
  expect(mt.maxTaskCpuMs, 'CPU time of the busiest main-thread task (ms)').toBeLessThan(50);
});

test('a machine that freezes again right after a restart boots without the files, then the page gives up; the saved files are kept', async ({ page, errors: _errors }) => {
  test.setTimeout(90_000);
  await enableTestMode(page);
  await openPlayground(page);
  await typeLine(page, 'echo saved before the freezes > /root/keep.txt; echo written');
  await waitScreen(page, /\nwritten\n[^\n]*#$/);
  await page.evaluate(() => window.__khelper.saveNow());

  await hang(page, 60_000);
  await expect.poll(() => restarts(page).then((l) => l.length), { timeout: 15_000 }).toBe(1);
  // Nothing typed since: a second freeze looks like one the user's files cause at boot.
  await hang(page, 60_000);
  await waitScreen(page, /while booting with your files, so it was\s*restarted without them/, 15_000);
  expect((await restarts(page))[1].withoutFiles).toBe(true);
  // Read through the API: a key typed would prove the reboot sound (the next freeze would not count).
  await expect.poll(() => page.evaluate(() => window.__khelper.api.read('/root/keep.txt')), { timeout: 10_000 }).toHaveProperty('error');

  await hang(page, 60_000);
  await expect(page.locator('#alert')).toContainText('The engine stopped answering again', { timeout: 15_000 });
  await waitScreen(page, /was not restarted/);
  expect(await restarts(page)).toHaveLength(2);

  // The tab stopped saving after the reboot without the files: a reload boots with them again.
  await page.reload();
  await waitScreen(page, /(^|\n)[^\n]*#$/, 15_000);
  await typeLine(page, 'cat /root/keep.txt');
  await waitScreen(page, /cat \/root\/keep.txt\nsaved before the freezes\n[^\n]*#$/);
});

test('a machine whose trace buffer fills stops recording, and the counters say so (test-mode trace cap)', async ({ page, errors: _errors }) => {
  await enableTestMode(page);
  await openPlayground(page);
  await page.evaluate(() => (window.__khelper.api as unknown as { __test(c: { traceCap: number }): Promise<boolean> }).__test({ traceCap: 400 }));
  // The old machine's screen ends with a prompt too: wait for the reset to clear it, or the first
  // keys go to the machine being replaced.
  await typeLine(page, 'echo before-the-reset');
  await waitScreen(page, /\nbefore-the-reset\n[^\n]*#$/);
  await page.locator('#btn-reset').click();
  await expect.poll(() => screen(page), { timeout: 10_000 }).toMatch(/^(?![\s\S]*before-the-reset)[\s\S]*#$/);
  await typeLine(page, 'for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do /bin/true; done; echo looped');
  await waitScreen(page, /\nlooped\n[^\n]*#$/);
  const store = page.locator('#ctr-store');
  await expect(store).toContainText(/trace full: the kernel stopped recording at 400 events \([\d,]+ not recorded since/, { timeout: 10_000 });
  await expect(store).toHaveClass(/\bhot\b/);
});

// The views under load: a run of 10,000 module requests on 6.6 (10,000 caller threads, 7,600
// helpers) streams ~250,000 trace events to the page while the Tasks and Timeline views are
// open. Main-thread tasks are watched two ways: a PerformanceObserver for 'longtask' entries (wall
// time), and Chrome's trace of the main thread (CPU time of each task). Every task the observer
// reports as long must be one that *used* less than 50 ms of CPU — on a shared machine a short task
// can wait for a core past 50 ms, but no task of the page may do 50 ms of work — and with the
// machine to itself the observer reports none.
import type { Page } from '@playwright/test';
import { test, expect, openPlayground } from './fixtures.ts';
import { watchMainThread } from './longtasks.ts';

const SCENARIO = {
  version: 1,
  name: '10,000 requests at once on 6.6',
  description: 'A load test for the views: 10,000 kernel threads call request_module() at the same instant.',
  kernel: { profile: '6.6', threadsMax: 200000 },
  steps: [{ sysctl: { 'kernel.pid_max': '4194304' } }, { requestModule: 'dummy', threads: 10000 }],
};

interface Stats { batches: number; maxEvents: number; maxIngestMs: number; maxTreeMs: number; maxPaintMs: number; maxFrameMs: number; traceLength: number }

const views = <T>(page: Page, f: string): Promise<T> => page.evaluate((fn) => (window.__khelper.views as Record<string, () => unknown>)[fn]() as T, f);

test('a 10,000-task run keeps every main-thread task under 50 ms', async ({ page, browser, errors: _errors }) => {
  test.setTimeout(240_000);
  page.on('dialog', (d) => void d.accept());
  await openPlayground(page);
  await expect.poll(() => page.evaluate(() => !!window.__khelper.views), { timeout: 15_000 }).toBe(true);
  await page.locator('#split-h').focus();
  for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowUp');
  // Monaco's start-up (idle time after the first prompt) is one long task of its own: the run starts after it.
  await expect(page.locator('#editor-host[data-editor="monaco"] .monaco-editor')).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Speed').selectOption({ label: 'As fast as possible' });

  const watch = await watchMainThread(browser, page);

  await page.locator('#import-file').setInputFiles({ name: 'load.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(SCENARIO)) });
  await expect(page.locator('#status')).toHaveText('Scenario imported');
  // Tasks while the requests pile up, then the timeline while they drain.
  await page.getByRole('tab', { name: 'Tasks' }).click();
  await expect(page.locator('#tt-summary')).toContainText(/^\d{4,} tasks/, { timeout: 60_000 });
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.locator('#runstate')).toContainText('example 2/2 done', { timeout: 180_000 });
  // The page caught up with the whole trace.
  await expect.poll(async () => (await views<Stats>(page, 'stats')).traceLength - (await page.evaluate(() => (window.__khelper.views as { model(): { events: number } }).model().events)), { timeout: 60_000 }).toBe(0);
  await expect(page.locator('#tl-stats')).toContainText('helpers now 0');
  const lanes = await page.evaluate(() => (window.__khelper.views as { model(): { lanes: { helper: boolean }[] } }).model().lanes.map((l) => l.helper));
  // 6.6 lets 50 requests run at once and turns away those that wait on the kmod semaphore for
  // more than 5 s (-ETIME, MAX_KMOD_ALL_BUSY_TIMEOUT): at this machine's costs 7,600 of the 10,000
  // get a helper. Every caller and every helper has its lane.
  const helpers = lanes.filter(Boolean).length;
  expect(helpers).toBeGreaterThan(5_000);
  expect(lanes.length).toBeGreaterThanOrEqual(10_000 + helpers);
  await page.locator('#view-timeline canvas').focus();
  await page.keyboard.press('0');
  await page.keyboard.press('End');
  await page.getByRole('tab', { name: 'dmesg' }).click();
  await page.getByRole('tab', { name: 'Timeline' }).click();

  const mt = await watch.stop();
  const stats = await views<Stats>(page, 'stats');
  const report = { ...mt, ...stats };
  test.info().annotations.push({ type: 'views under load', description: JSON.stringify(report) });
  console.log(`views under load: ${JSON.stringify(report)}`);

  expect(mt.tasks, 'the trace saw the main thread').toBeGreaterThan(100);
  expect(mt.observed.every((o) => !Number.isNaN(o.cpuMs)), 'each long task found in the trace').toBe(true);
  expect(mt.observed.filter((o) => o.cpuMs >= 50), 'long tasks that did 50 ms of work or more').toEqual([]);
  expect(mt.maxTaskCpuMs, 'CPU time of the busiest main-thread task (ms)').toBeLessThan(50);
});

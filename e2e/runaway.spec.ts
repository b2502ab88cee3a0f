// Runaway code in the page: a fork bomb that fills the machine up to threads-max, then an endless
// loop in the console shell on top of it. The kernel's limit contains the bomb (fork fails with
// EAGAIN and the shells say "Cannot fork"), the page keeps every main-thread task under
// 50 ms of work meanwhile, and Reset gives a fresh machine within 100 ms.
//
// Main-thread tasks are measured by longtasks.ts (CPU time per task from Chrome's trace).
import { test, expect, openPlayground, screen, typeLine, waitScreen } from './fixtures.ts';
import { watchMainThread } from './longtasks.ts';

test('a fork bomb and an endless loop are contained, the page stays responsive, and Reset acts within 100 ms', async ({ page, browser, errors: _errors }) => {
  test.setTimeout(120_000);
  await openPlayground(page);
  // Monaco's start-up (idle time after the first prompt) is one long task of its own: the run starts after it.
  await expect(page.locator('#editor-host[data-editor="monaco"] .monaco-editor')).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Speed').selectOption({ label: 'As fast as possible' });
  await expect(page.locator('#ctr-threads')).toContainText(/^threads: \d+\/\d+$/, { timeout: 15_000 });
  const max = Number((await page.locator('#ctr-threads').textContent())!.split('/')[1]);

  const watch = await watchMainThread(browser, page);

  await typeLine(page, 'f(){ f|f& };f');
  // Contained by max_threads: the task count reaches the limit and stays there; the console says why.
  await expect.poll(async () => Number((await page.locator('#ctr-threads').textContent())!.split(/[ /]/)[1]), { timeout: 60_000 }).toBeGreaterThanOrEqual(max - 2);
  await waitScreen(page, /Cannot fork/, 30_000);
  // The console shell needs no fork for a loop of builtins: it spins on top of the bomb.
  await typeLine(page, 'while :; do :; done');
  const clock = async (): Promise<number> => parseFloat((await page.locator('#clock').textContent()) ?? 'NaN');
  const c0 = await clock();
  await expect.poll(clock, { timeout: 15_000 }).toBeGreaterThan(c0);

  const t0 = Date.now();
  const resetMs = await page.evaluate(async () => {
    const t = performance.now();
    await window.__khelper.api.reset();
    return performance.now() - t;
  });
  expect(resetMs, 'Reset answered (ms)').toBeLessThan(100);
  await expect.poll(async () => Number((await page.locator('#ctr-threads').textContent())!.split(/[ /]/)[1]), { timeout: 10_000 }).toBeLessThan(20);
  expect(Date.now() - t0).toBeLessThan(15_000);
  await expect.poll(() => screen(page), { timeout: 10_000 }).toMatch(/#$/);

  const mt = await watch.stop();
  console.log(`runaway: ${JSON.stringify({ max, resetMs: Math.round(resetMs), ...mt })}`);
  expect(mt.tasks, 'the trace saw the main thread').toBeGreaterThan(50);
  expect(mt.observed.filter((o) => o.cpuMs >= 50), 'long tasks that did 50 ms of work or more').toEqual([]);
  expect(mt.maxTaskCpuMs, 'CPU time of the busiest main-thread task (ms)').toBeLessThan(50);
});

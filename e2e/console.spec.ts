import { test, expect, openPlayground, screen, typeLine, waitScreen, PROMPT_AT_END } from './fixtures.ts';

test('a command typed in the console is answered by the shell', async ({ page, errors: _errors }) => {
  await openPlayground(page);
  expect(await screen(page)).toContain('khelper: a simulated Linux');
  await typeLine(page, 'echo hello khelper');
  await waitScreen(page, /echo hello khelper\nhello khelper\n[^\n]*#$/);
  await typeLine(page, 'uname -r');
  await waitScreen(page, /uname -r\n2\.6\.20-khelper\n/);
  expect(await screen(page)).toMatch(PROMPT_AT_END);
});

test('the engine\'s worker is started from <head> and the page adopts it', async ({ page, errors: _errors }) => {
  const order: string[] = [];
  const startedAt = new Map<string, number>();
  page.on('request', (r) => {
    const f = new URL(r.url()).pathname.split('/').pop()!;
    order.push(f);
    startedAt.set(f, Date.now());
  });
  await openPlayground(page);
  expect(await page.evaluate(() => window.__khelper.timings.engineEarly)).toBe(true);
  const worker = order.findIndex((f) => /^machine\.worker-.*\.js$/.test(f));
  expect(order.findIndex((f) => /^engine-start-.*\.js$/.test(f))).toBeGreaterThanOrEqual(0);
  expect(worker, `requests: ${order.join(' ')}`).toBeGreaterThanOrEqual(0);
  expect(order.filter((f) => /^machine\.worker-/.test(f)), 'one engine worker, not a second one').toHaveLength(1);
  // The console's chunk is preloaded from the HTML too, not only once main.ts asks for it.
  expect(await page.locator('link[rel="modulepreload"][href*="/app-"]').count()).toBe(1);
  // The programs a default boot does not run come in their own chunk, fetched by the worker only
  // once the page has received the first prompt (scripts/lazy-programs.js); commands typed at once
  // wait for it.
  await typeLine(page, 'echo early engine; ls /usr/bin/od');
  await waitScreen(page, /echo early engine; ls \/usr\/bin\/od\nearly engine\n\/usr\/bin\/od\n/);
  const more = order.filter((f) => /^programs_more-.*\.js$/.test(f));
  expect(more, `requests: ${order.join(' ')}`).toHaveLength(1);
  const { origin, output } = await page.evaluate(() => ({ origin: performance.timeOrigin, output: window.__khelper.timings.firstOutput }));
  expect(startedAt.get(more[0])! - origin, 'the chunk is fetched after the page got the prompt (ms from navigation)').toBeGreaterThanOrEqual(Math.floor(output));
});

test('resizing the console reaches the shell as SIGWINCH', async ({ page, errors: _errors }) => {
  await openPlayground(page);
  await typeLine(page, 'trap "echo WINCH caught" WINCH');
  await waitScreen(page, /WINCH\n[^\n]*#$/);
  const before = await page.evaluate(() => window.__khelper.size());
  await page.setViewportSize({ width: 1000, height: 600 });
  await expect.poll(() => page.evaluate(() => window.__khelper.size())).not.toEqual(before);
  // Like dash, the shell runs a trap once its read of the next line returns.
  await page.keyboard.press('Enter');
  await waitScreen(page, /\nWINCH caught\n/);
});

test('selection is copied; Ctrl-Shift-V pastes', async ({ page, context, errors: _errors }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPlayground(page);
  await typeLine(page, 'echo copyme');
  await waitScreen(page, /\ncopyme\n/);
  // Double-click selects a word; the selection goes to the clipboard. xterm paints its rows a frame
  // after it parsed them (what waitScreen saw), so wait for the row itself.
  const row = (): Promise<number> => page.evaluate(() => Array.from(document.querySelectorAll('#console .xterm-rows > div'))
    .findIndex((d) => (d.textContent ?? '').replace(/\u00a0/g, ' ').trim() === 'copyme'));
  await expect.poll(row).toBeGreaterThanOrEqual(0);
  const index = await row();
  const box = (await page.locator('#console .xterm-rows > div').nth(index).boundingBox())!;
  await page.mouse.dblclick(box.x + 12, box.y + box.height / 2);
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('copyme');

  await page.evaluate(() => navigator.clipboard.writeText('echo pasted-$((6*7))'));
  await page.locator('#console .xterm-helper-textarea').focus();
  await page.keyboard.press('Control+Shift+V');
  await waitScreen(page, /# echo pasted-\$\(\(6\*7\)\)$/);
  await page.keyboard.press('Enter');
  await waitScreen(page, /\npasted-42\n/);
});

test('a busy loop keeps the page responsive, Pause gets through within 100 ms, and Ctrl-C stops it', async ({ page, errors: _errors }) => {
  test.setTimeout(30_000);
  await openPlayground(page);
  await page.getByLabel('Speed').selectOption({ label: 'As fast as possible' });
  await typeLine(page, 'while :; do :; done');
  await expect(page.locator('#runstate')).toHaveText('running');
  const clock = async (): Promise<number> => parseFloat((await page.locator('#clock').textContent()) ?? 'NaN');
  const c0 = await clock();
  await expect.poll(clock).toBeGreaterThan(c0);
  // The worker runs the machine in slices: a control message waits at most one slice.
  const latency = await page.evaluate(async () => {
    const t0 = performance.now();
    await window.__khelper.api.pause();
    return performance.now() - t0;
  });
  expect(latency).toBeLessThan(100);
  await page.getByRole('button', { name: 'Run' }).click();
  await page.locator('#console .xterm-helper-textarea').focus();
  await page.keyboard.press('Control+c');
  await waitScreen(page, /while :; do :; done\n\^C\n?[^\n]*#$/);
});

test('shell functions nest as deep in the browser\'s worker as in dash and bash (their levels do not use the JS stack)', async ({ page, errors: _errors }) => {
  await openPlayground(page);
  // dash stops at 1000 nested calls; 999 work. The worker's JS stack used to end near 500.
  await typeLine(page, 'sh -c \'f() { if [ $1 -lt 999 ]; then f $(($1 + 1)); else echo "sh deep $1"; fi; }; f 0\'');
  await waitScreen(page, /\nsh deep 999\n/, 30_000);
  await typeLine(page, 'bash -c \'f() { if [ $1 -lt 3000 ]; then f $(($1 + 1)); else echo "bash deep $1"; fi; }; f 0\'');
  await waitScreen(page, /\nbash deep 3000\n/, 30_000);
  await typeLine(page, 'sh -c \'f() { f; }; f\'; echo "st=$?"');
  await waitScreen(page, /Maximum function recursion depth \(1000\) reached\nst=2\n/, 30_000);
});

import type { Frame, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { serveStatic } from './static-server.ts';
import type { StaticServer } from './static-server.ts';

// A third-party page on another origin (e2e/embed-host, served by a second server) embeds two
// <khelper-playground> widgets from the built playground and a raw iframe that names another peer.
const APP = 'http://127.0.0.1:4173/';
let host: StaticServer;
test.beforeAll(async () => {
  host = await serveStatic(new URL('./embed-host/', import.meta.url).pathname);
});
test.afterAll(async () => host.close());

type Message = { khelper: number; type: string; id?: unknown; ok?: boolean; error?: string; index?: number; title?: string; results?: unknown[]; value?: unknown };

const messages = (page: Page): Promise<Message[]> => page.evaluate(() => (window as unknown as { __messages: Message[] }).__messages);

async function frameWhere(page: Page, what: (url: string) => boolean): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => what(f.url())), { timeout: 15_000 }).toBe(true);
  return page.frames().find((f) => what(f.url()))!;
}
const screenOf = (f: Frame): Promise<string> => f.evaluate(() => window.__khelper?.readScreen?.() ?? '');

/** Post a raw API message from the host page to a widget's iframe. */
function post(page: Page, widget: string, msg: Record<string, unknown>): Promise<void> {
  return page.evaluate(([w, m, app]) => {
    const f = w.startsWith('#raw') ? document.querySelector<HTMLIFrameElement>(w)! : document.querySelector(w)!.shadowRoot!.querySelector('iframe')!;
    f.contentWindow!.postMessage(m, new URL(app).origin);
  }, [widget, msg, APP] as const);
}

test('a third-party page embeds two independent playgrounds and drives one through postMessage', async ({ page, context, errors: _errors }) => {
  test.setTimeout(90_000);
  await page.goto(`${host.url}?app=${encodeURIComponent(APP)}`);
  const mine = (url: string): boolean => url.startsWith(APP) && url.includes(`origin=${encodeURIComponent(host.origin)}`);

  // A starts by itself (it is in view) and runs its example; B waits for a click.
  const a = await frameWhere(page, (u) => mine(u) && u.includes('example=basic-autoload'));
  await expect(a.locator('#runstate')).toContainText('example 2/2 done', { timeout: 20_000 });
  expect(await screenOf(a)).toContain('── Example: Basic autoload');
  // Minimal chrome: the console, run controls and a link to the full playground; no editor, no tree.
  await expect(a.locator('#embed-open')).toHaveText('Open in playground ↗');
  await expect(a.locator('#left')).toBeHidden();
  await expect(a.locator('#btn-export')).toBeHidden();
  expect(page.frames().some((f) => mine(f.url()) && f.url().includes('runaway'))).toBe(false);
  await page.locator('#b').getByRole('button', { name: 'Start the khelper playground (runaway-2.6.20)' }).click();
  const b = await frameWhere(page, (u) => mine(u) && u.includes('example=runaway-2.6.20'));
  await expect(b.locator('#runstate')).toContainText('example 2/2 done', { timeout: 20_000 });
  await expect(b.locator('#view-example h2')).toHaveText('The runaway limit on 2.6.20: 50, then -ENOMEM');

  // Events reached the page: A's ready, its two steps with their results, its exit.
  await expect.poll(async () => (await messages(page)).filter((m) => m.type === 'exit').length).toBe(2);
  const fromA = (await messages(page)).filter((m) => m.type === 'step' && m.title === 'request_module("e1000e")');
  expect(fromA).toEqual([{ khelper: 1, type: 'step', index: 0, total: 2, title: 'request_module("e1000e")', result: { rets: [0] } }]);

  // Each has its own machine: what is typed in A stays in A.
  await a.locator('#console .xterm-helper-textarea').focus();
  await page.keyboard.type('echo only-in-A\n');
  await expect.poll(() => screenOf(a)).toMatch(/\nonly-in-A\n/);
  expect(await screenOf(b)).not.toContain('only-in-A');

  // The page drives A with raw messages: pause (B keeps running), then another example, then run.
  await post(page, '#a', { khelper: 1, type: 'pause', id: 'p1' });
  await expect.poll(async () => (await messages(page)).find((m) => m.id === 'p1')).toEqual({ khelper: 1, type: 'reply', id: 'p1', ok: true });
  await expect(a.locator('#runstate')).toContainText('paused');
  await expect(b.locator('#runstate')).toContainText('running');
  // Step while paused: one scheduler event (here, with nothing to run, 1 ms of idle time).
  const clock = async (): Promise<number> => parseFloat((await a.locator('#clock').textContent()) ?? '0');
  const before = await clock();
  await post(page, '#a', { khelper: 1, type: 'step', id: 's1' });
  await expect.poll(async () => (await messages(page)).find((m) => m.id === 's1')?.ok).toBe(true);
  await expect.poll(clock).toBeCloseTo(before + 0.001, 6);
  await expect(a.locator('#runstate')).toContainText('paused');
  await post(page, '#a', { khelper: 1, type: 'loadExample', example: 'empty-modprobe-path', id: 'l1' });
  await expect.poll(async () => (await messages(page)).find((m) => m.id === 'l1')?.ok).toBe(true);
  await post(page, '#a', { khelper: 1, type: 'run', id: 'r1' });
  await expect.poll(async () => (await messages(page)).filter((m) => m.type === 'exit').length, { timeout: 20_000 }).toBe(3);
  const exit = (await messages(page)).filter((m) => m.type === 'exit')[2];
  expect(exit.results).toEqual([{ exitCode: 0, stdout: '1\n', stderr: '' }, { rets: [0] }]);
  await expect(a.locator('#view-example h2')).toHaveText('An empty modprobe path on 2.6.20');
  // An unknown message gets an error reply, not silence.
  await post(page, '#a', { khelper: 1, type: 'format-disk', id: 'bad' });
  await expect.poll(async () => (await messages(page)).find((m) => m.id === 'bad')).toEqual({ khelper: 1, type: 'reply', id: 'bad', ok: false, error: 'unknown message type "format-disk"' });

  // The element's methods: load a scenario given by the page, then read the khelper-exit event.
  const out = await page.evaluate(() => new Promise<unknown>((done) => {
    const el = document.querySelector('#b') as HTMLElement & { load(s: unknown): Promise<unknown> };
    el.addEventListener('khelper-exit', (e) => done((e as CustomEvent<{ results: unknown }>).detail.results), { once: true });
    void el.load({ version: 1, name: 'From the page', steps: [{ sh: 'echo hi from the page' }] });
  }));
  expect(out).toEqual([{ exitCode: 0, stdout: 'hi from the page\n', stderr: '' }]);

  // The raw iframe names another peer: this page's messages are dropped, unanswered.
  const c = await frameWhere(page, (u) => u.includes('peer.example'));
  await expect(c.locator('#runstate')).toContainText('example 2/2 done', { timeout: 20_000 });
  await post(page, '#raw', { khelper: 1, type: 'pause', id: 'c1' });
  await expect.poll(() => c.evaluate(() => (window as unknown as { __khelperEmbed: { stats: { rejected: number } } }).__khelperEmbed.stats.rejected)).toBe(1);
  await expect(c.locator('#runstate')).not.toContainText('paused');
  expect((await messages(page)).find((m) => m.id === 'c1')).toBeUndefined();

  // "Open in playground" carries A's state to the full page.
  const opened = context.waitForEvent('page');
  await a.locator('#embed-open').click();
  const full = await opened;
  await expect(full.locator('#view-example h2')).toHaveText('An empty modprobe path on 2.6.20', { timeout: 15_000 });
  expect(full.url()).toMatch(/^http:\/\/127\.0\.0\.1:4173\/\?profile=2\.6\.20&view=example&speed=max#s=1:/);
  await expect(full.locator('#runstate')).toContainText('example 2/2 done', { timeout: 20_000 });
  await expect(full.locator('#left')).toBeVisible();
});

test('embed options: autorun=0 waits for Run, readonly keeps the keyboard out, height sizes the page', async ({ page, errors: _errors }) => {
  await page.goto('./?embed&example=basic-autoload&autorun=0&readonly&height=300&view=console');
  await expect(page.locator('#runstate')).toContainText('paused', { timeout: 15_000 });
  await expect(page.locator('#runstate')).toContainText('example 0/2');
  expect(await page.evaluate(() => document.getElementById('app')!.getBoundingClientRect().height)).toBe(300);
  await expect(page.locator('#views')).toBeHidden();
  await page.locator('#console .xterm-helper-textarea').focus();
  await page.keyboard.type('echo typed\n');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.locator('#runstate')).toContainText('example 2/2 done', { timeout: 15_000 });
  const text = await page.evaluate(() => window.__khelper.readScreen());
  expect(text).toContain('[2/2] $ lsmod');
  expect(text).not.toContain('typed');
  // Reset starts the example again (not just a reboot): its steps run once more.
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect.poll(() => page.evaluate(() => window.__khelper.readScreen()), { timeout: 15_000 }).toMatch(/── Example: Basic autoload[^]*\[2\/2\] \$ lsmod/);
  await expect(page.locator('#runstate')).toContainText('example 2/2 done', { timeout: 15_000 });
});

test('the docs page starts its live examples only when they scroll into view', async ({ page, errors: _errors }) => {
  await page.goto('./docs.html');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How the kernel loads a module it lacks');
  await expect(page.locator('figure svg[role="img"]')).toHaveCount(2);
  const widgets = page.locator('khelper-playground');
  await expect(widgets).toHaveCount(5);
  // Nothing below the fold has started.
  await expect(widgets.nth(4).locator('iframe')).toHaveCount(0);
  expect(page.frames()).toHaveLength(1);
  await widgets.nth(3).scrollIntoViewIfNeeded();
  await expect(widgets.nth(3).locator('iframe')).toHaveCount(1);
  const f = await frameWhere(page, (u) => u.includes('example=runaway-6.6'));
  await expect(f.locator('#embed-open')).toBeVisible({ timeout: 15_000 });
  await expect.poll(() => f.evaluate(() => window.__khelper?.readScreen?.() ?? ''), { timeout: 15_000 }).toContain('── Example: The kmod limit on 6.6');
});

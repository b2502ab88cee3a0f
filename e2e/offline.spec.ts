import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Response } from '@playwright/test';
import { test, expect, screen, typeLine, waitScreen, PROMPT_AT_END } from './fixtures.ts';
import { serveStatic } from './static-server.ts';

// The built site is copied to a folder of its own and served by a server the test can stop (to
// go offline for real) or change (a new deploy).
const DIST = new URL('../dist/', import.meta.url).pathname;
let dir = '';
test.beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'khelper-site-'));
  cpSync(DIST, dir, { recursive: true });
});
test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The page is controlled by an activated service worker (its whole build is cached by then). */
async function controlled(page: Page): Promise<string> {
  await expect.poll(() => page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return !!navigator.serviceWorker.controller && reg?.active?.state === 'activated';
  }), { timeout: 20_000 }).toBe(true);
  return page.evaluate(async () => (await caches.keys()).join(' '));
}

async function prompt(page: Page): Promise<void> {
  await expect.poll(() => screen(page), { timeout: 20_000 }).toMatch(PROMPT_AT_END);
}

test('after one visit the playground and its docs open offline, all from the service worker', async ({ page, context, errors: _errors }) => {
  test.setTimeout(90_000);
  const site = await serveStatic(dir);
  await page.goto(site.url);
  await prompt(page);
  const version = /"version":"([0-9a-f]+)"/.exec(readFileSync(join(dir, 'sw.js'), 'utf8'))![1];
  expect(await controlled(page)).toContain(`khelper-${version}`);

  // The server is gone and the browser is offline.
  await site.close();
  await context.setOffline(true);
  const responses: Response[] = [];
  page.on('response', (r) => void responses.push(r));
  await page.reload();
  await prompt(page);
  await typeLine(page, 'echo offline ok');
  await waitScreen(page, /\noffline ok\n/);
  // Lazily loaded chunks (the editor, its worker) come from the cache too.
  await expect(page.locator('#editor-host[data-editor="monaco"] .monaco-editor')).toBeVisible({ timeout: 20_000 });
  const own = responses.filter((r) => r.url().startsWith(site.origin));
  expect(own.length).toBeGreaterThan(5);
  expect(own.filter((r) => !r.fromServiceWorker()).map((r) => r.url())).toEqual([]);

  // The docs page and an embed (with a query) open offline as well.
  await page.goto(`${site.url}docs.html`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How the kernel loads a module it lacks');
  await page.goto(`${site.url}?embed&view=console&example=basic-autoload&speed=max`);
  await expect(page.locator('#runstate')).toContainText('example 2/2 done', { timeout: 20_000 });
});

test('a new deploy installs in the background and takes over only through "Reload to update"', async ({ page, errors: _errors }) => {
  test.setTimeout(90_000);
  const site = await serveStatic(dir);
  try {
    await page.goto(site.url);
    await prompt(page);
    const first = await controlled(page);

    // Deploy a new build: another page and another version of the worker's file list.
    const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
    const old = /"version":"([0-9a-f]+)"/.exec(sw)![1];
    writeFileSync(join(dir, 'sw.js'), sw.replace(`"version":"${old}"`, `"version":"${old}2"`));
    writeFileSync(join(dir, 'index.html'), readFileSync(join(dir, 'index.html'), 'utf8').replace('<head>', '<head>\n    <meta name="khelper-build" content="2" />'));

    // The next visit still shows the build it started with, and offers the new one.
    await page.reload();
    await prompt(page);
    await expect(page.getByRole('button', { name: 'Reload to update' })).toBeVisible({ timeout: 20_000 });
    await expect(page.locator('#banner-update')).toContainText('A new version of khelper is ready.');
    await expect(page.locator('meta[name="khelper-build"]')).toHaveCount(0);

    await page.getByRole('button', { name: 'Reload to update' }).click();
    await expect(page.locator('meta[name="khelper-build"]')).toHaveCount(1, { timeout: 20_000 });
    await prompt(page);
    const now = await controlled(page);
    // The new build's cache is in use; the one before it is kept for tabs still open on it.
    expect(now.split(' ').sort()).toEqual([`khelper-${old}`, `khelper-${old}2`]);
    expect(first).toBe(`khelper-${old}`);
    await typeLine(page, 'echo updated');
    await waitScreen(page, /\nupdated\n/);
  } finally {
    await site.close();
  }
});

test('where service workers are blocked the playground runs without offline use and without an error', async ({ browser }) => {
  // Playwright's 'block' resolves register() with nothing, as some browser policies do.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const site = await serveStatic(dir);
  try {
    await page.goto(site.url);
    await prompt(page);
    await typeLine(page, 'echo still here');
    await waitScreen(page, /\nstill here\n/);
    // The offer is registered from an idle callback after the prompt; give it the time it takes.
    await page.evaluate(() => new Promise((r) => requestIdleCallback(() => setTimeout(r, 500))));
    await expect(page.locator('#status')).not.toContainText('Offline use');
    expect(errors).toEqual([]);
  } finally {
    await site.close();
    await context.close();
  }
});

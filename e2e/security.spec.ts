import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page, Response } from '@playwright/test';
import { test, expect, openPlayground, screen, typeLine, waitScreen } from './fixtures.ts';
import { serveStatic } from './static-server.ts';

const ORIGIN = 'http://127.0.0.1:4173';

declare global {
  interface Window {
    __csp: string[];
  }
}

/** Record Content-Security-Policy violations in every frame, from before the page's own scripts. */
async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
}
const violations = async (page: Page): Promise<string[]> => (await Promise.all(page.frames().map((f: Frame) => f.evaluate(() => window.__csp ?? []).catch(() => [])))).flat();

/** Every request the page (and its frames and workers) makes. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => void urls.push(r.url()));
  return urls;
}
const foreign = (urls: string[]): string[] => urls.filter((u) => !u.startsWith(`${ORIGIN}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));

test('the built pages keep their CSP (no eval, no inline scripts) without violations; Monaco and the worker work under it; only own files are requested', async ({ page, errors }) => {
  test.setTimeout(90_000);
  await watchCsp(page);
  const urls = recordRequests(page);
  await openPlayground(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self';");
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);

  // Monaco loads and edits; the engine's worker runs the saved script.
  await expect(page.locator('#editor-host[data-editor="monaco"] .monaco-editor')).toBeVisible({ timeout: 20_000 });
  await page.locator('#editor-host .monaco-editor .view-lines').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('End');
  await page.keyboard.type('\necho "edited under the CSP"');
  await page.keyboard.press('Control+S');
  await expect(page.locator('#editor-dirty')).toBeHidden();
  await typeLine(page, 'sh /root/fake-modprobe.sh x 2>&1 | head -1');
  await waitScreen(page, /\nedited under the CSP\n/);
  expect(await violations(page)).toEqual([]);

  // The policy is in force: an inline script added to the page is refused, not run.
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.append(s);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false;
  });
  expect(ran).toBe(false);
  expect(await violations(page)).toEqual([expect.stringMatching(/^script-src-elem inline /)]);
  // The browser reports that refusal on the console: expected here, and only here.
  await expect.poll(() => errors.findIndex((e) => e.startsWith('Executing inline script violates'))).toBeGreaterThanOrEqual(0);
  errors.splice(errors.findIndex((e) => e.startsWith('Executing inline script violates')), 1);
  await page.evaluate(() => void (window.__csp = []));

  // The docs page and its live examples (same-origin iframes) run under the same policy.
  await page.goto('./docs.html');
  const widgets = page.locator('khelper-playground');
  await expect(widgets).toHaveCount(5);
  for (let i = 0; i < 2; i++) {
    await widgets.nth(i).scrollIntoViewIfNeeded();
    await expect(widgets.nth(i).locator('iframe')).toBeAttached();
  }
  await expect.poll(async () => {
    const f = page.frames().find((x) => x.url().includes('example=basic-autoload'));
    return f ? f.evaluate(() => window.__khelper?.readScreen?.() ?? '') : '';
  }, { timeout: 20_000 }).toContain('[2/2] $ lsmod');
  expect(await violations(page)).toEqual([]);
  expect(foreign(urls)).toEqual([]);
});

test('nothing a scenario or a program prints becomes HTML: descriptions, file names, console, views', async ({ page, errors: _errors }) => {
  await watchCsp(page);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  const doc = {
    version: 1,
    name: `Evil ${evil}`,
    description: `# Heading ${evil}\n\n[click](javascript:window.__pwned=3) [data](data:text/html,<script>alert(1)</script>) **bold ${evil}**\n\n\`\`\`\n${evil}\n\`\`\``,
    files: { '/root/<img src=x onerror=window.__pwned=4>': `${evil}\n` },
    steps: [{ sh: `echo '${evil.replace(/'/g, '')}'; echo '<b>kmsg ${evil.replace(/'/g, '')}</b>' > /dev/kmsg; cat /root/*onerror*` }],
  };
  await page.goto(`./#s=0:${encodeURIComponent(JSON.stringify(doc))}`);
  await expect(page.locator('#runstate')).toContainText('example 1/1 done', { timeout: 20_000 });

  // The text is there, as text.
  await expect(page.locator('#view-example h2').first()).toHaveText(`Evil ${evil}`);
  // (Markdown reads the underscores of __pwned as emphasis: still text.)
  await expect(page.locator('#view-example h2').nth(1)).toHaveText('Heading <img src=x onerror="window._pwned=1"><script>window._pwned=2</script>');
  await expect(page.locator('#view-example')).toContainText('[click](javascript:window.__pwned=3)');
  await expect(page.locator('#view-example pre code')).toHaveText(evil);
  await expect(page.locator('#tree')).toContainText('<img src=x onerror=window.__pwned=4>');
  expect(await screen(page)).toContain('<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>');
  // The dmesg view shows the kernel log line (it may be in its own tab).
  const dmesgTab = page.getByRole('tab', { name: 'dmesg' });
  if (await dmesgTab.count()) {
    await dmesgTab.click();
    await expect(page.locator('#view-dmesg')).toContainText('<b>kmsg <img src=x');
  }
  await typeLine(page, 'ls /root');
  await waitScreen(page, /<img src=x onerror=window.__pwned=4>/);

  // No element came from it, no handler ran, no link leads to script.
  expect(await page.evaluate(() => document.querySelectorAll('img[src="x"], [onerror], main script, #views script').length)).toBe(0);
  expect(await page.evaluate(() => Array.from(document.querySelectorAll('a[href]')).map((a) => (a as HTMLAnchorElement).protocol).filter((p) => !['http:', 'https:'].includes(p)))).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(await violations(page)).toEqual([]);
});

test('a scenario is only ever run by the simulated shell: a link with JavaScript in it runs nothing but sh', async ({ page, errors: _errors }) => {
  await watchCsp(page);
  const doc = { version: 1, steps: [{ sh: 'window.__pwned = 1; alert(1)' }, { sh: 'echo "$((6*7))"' }] };
  await page.goto(`./#s=0:${encodeURIComponent(JSON.stringify(doc))}`);
  await expect(page.locator('#runstate')).toContainText('example 2/2 done', { timeout: 20_000 });
  const r = await page.evaluate(() => (window.__khelper.api as unknown as { results(): Promise<{ outcomes: { result: unknown }[] }> }).results());
  // dash's own answer to that line, then ordinary arithmetic.
  expect(r.outcomes.map((o) => o.result)).toEqual([
    { exitCode: 2, stdout: '', stderr: 'sh: 1: Syntax error: word unexpected (expecting ")")\n' },
    { exitCode: 0, stdout: '42\n', stderr: '' },
  ]);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await violations(page)).toEqual([]);
});

test('the built site works from a sub-path of a plain static server, without COOP/COEP', async ({ page, errors: _errors }) => {
  const root = mkdtempSync(join(tmpdir(), 'khelper-host-'));
  cpSync(new URL('../dist/', import.meta.url).pathname, join(root, 'tools', 'khelper'), { recursive: true });
  const site = await serveStatic(root);
  try {
    const responses: Response[] = [];
    page.on('response', (r) => void responses.push(r));
    await openPlayground(page, `${site.url}tools/khelper/`);
    expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(false);
    await typeLine(page, 'modprobe -v dummy');
    await waitScreen(page, /insmod \/lib\/modules\/.*dummy\.ko/);
    // Everything came from under the sub-path; nothing was asked of the server's root.
    expect(site.requests.filter((p) => !p.startsWith('/tools/khelper/'))).toEqual([]);
    expect(responses.every((r) => !r.headers()['cross-origin-embedder-policy'] && !r.headers()['cross-origin-opener-policy'])).toBe(true);
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope ?? ''), { timeout: 15_000 })
      .toBe(`${site.url}tools/khelper/`);
  } finally {
    await site.close();
    rmSync(root, { recursive: true, force: true });
  }
});

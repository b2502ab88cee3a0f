import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, openPlayground, screen, typeLine, waitScreen } from './fixtures.ts';

/**
 * Put a raw record where the page keeps its state (IndexedDB "khelper", store "state"), from a
 * same-origin page without the app (its stylesheet), so no autosave can overwrite it; then
 * open the playground again.
 */
async function putRecordAndReopen(page: Page, value: unknown): Promise<void> {
  const css = await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel="stylesheet"]')!.href);
  // A bare stylesheet page makes the browser ask for /favicon.ico, which the app does not have.
  await page.route('**/favicon.ico', (r) => r.fulfill({ status: 204 }));
  await page.goto(css);
  await page.evaluate((v) => new Promise<void>((done, fail) => {
    const req = indexedDB.open('khelper');
    req.onupgradeneeded = () => req.result.createObjectStore('state');
    req.onerror = () => fail(req.error);
    req.onsuccess = () => {
      const tx = req.result.transaction('state', 'readwrite');
      tx.objectStore('state').put(v, 'playground');
      tx.oncomplete = () => {
        req.result.close();
        done();
      };
    };
  }), value);
  await page.goto('./');
}

test('a corrupt saved state gives a clear message and a fresh, working start', async ({ page, errors: _errors }) => {
  await openPlayground(page);
  await putRecordAndReopen(page, { schema: 1, settings: 'garbage' });
  await expect(page.locator('#alert')).toContainText('The saved playground could not be read (settings are missing)');
  await expect(page.locator('#alert')).toContainText('Starting fresh');
  await expect.poll(() => screen(page)).toMatch(/#$/);
  await typeLine(page, 'echo still here');
  await waitScreen(page, /\nstill here\n/);
});

test('a state saved by a newer version is set aside with a message', async ({ page, errors: _errors }) => {
  await openPlayground(page);
  await putRecordAndReopen(page, { schema: 99, whatever: true });
  await expect(page.locator('#alert')).toContainText('written by a newer khelper (format 99; this page reads up to 1)');
  await expect.poll(() => screen(page)).toMatch(/#$/);
});

test('export and import carry the whole state as a scenario file; Reset to example asks first', async ({ page, errors: _errors }, info) => {
  const asked: string[] = [];
  page.on('dialog', (d) => {
    asked.push(`${d.type()}: ${d.message()}`);
    void d.accept();
  });
  await openPlayground(page);
  await typeLine(page, 'echo "kept across export" > /root/note.txt; echo /root/fake-modprobe.sh > /proc/sys/kernel/modprobe');
  await expect(page.locator('#set-modprobe')).toHaveValue('/root/fake-modprobe.sh');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  const file = info.outputPath('state.json');
  await (await download).saveAs(file);
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { version: number; kernel: { modprobePath: string }; files: Record<string, unknown> };
  expect(doc.version).toBe(1);
  expect(doc.kernel.modprobePath).toBe('/root/fake-modprobe.sh');
  expect(doc.files['/root/note.txt']).toBe('kept across export\n');

  // Back to the default system: the file and the setting are gone ...
  await page.getByRole('button', { name: 'Reset to example' }).click();
  await expect(page.locator('#status')).toHaveText('Back to the default system');
  expect(asked).toEqual(['confirm: Reset to the default system? Your changed files and settings are lost (Export first to keep them).']);
  await expect(page.locator('#set-modprobe')).toHaveValue('/sbin/modprobe');
  await typeLine(page, 'cat /root/note.txt');
  await waitScreen(page, /cat: \/root\/note.txt: No such file or directory/);

  // ... and the import brings both back.
  await page.locator('#import-file').setInputFiles(file);
  await expect(page.locator('#status')).toHaveText('Scenario imported');
  await expect(page.locator('#set-modprobe')).toHaveValue('/root/fake-modprobe.sh');
  await typeLine(page, 'cat /root/note.txt');
  await waitScreen(page, /cat \/root\/note.txt\nkept across export\n/);
});

import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, openPlayground, screen, typeLine, waitScreen } from './fixtures.ts';

type Results = { id: string; finished: boolean; outcomes: { title: string; result: unknown }[]; modules: string[] } | null;

const results = (page: Page): Promise<Results> => page.evaluate(() => (window.__khelper.api as unknown as { results(): Promise<Results> }).results());

/** Wait until the page's scenario has run all its steps. */
async function finished(page: Page, steps: number): Promise<void> {
  await expect(page.locator('#runstate')).toContainText(`example ${steps}/${steps} done`, { timeout: 20_000 });
}

test('a share link opened in a new page reproduces the files, the settings and the run', async ({ page, context, errors: _errors }) => {
  page.on('dialog', (d) => void d.accept());
  await openPlayground(page);
  await page.getByLabel('Speed').selectOption({ label: 'As fast as possible' });
  await page.getByRole('combobox', { name: 'Examples' }).selectOption('basic-autoload');
  await finished(page, 2);
  // Edits on top of the example: a file, a setting (from the console), a file open in the editor.
  await typeLine(page, 'echo "shared note" > /root/note.txt; echo 100 > /proc/sys/kernel/threads-max');
  await expect(page.locator('#set-threads')).toHaveValue('100');
  await page.locator('#tree').getByText('note.txt').click();
  await expect.poll(() => page.evaluate(() => window.__khelper.editorPath())).toBe('/root/note.txt');
  const original = await results(page);
  expect(original?.outcomes.map((o) => o.title)).toEqual(['request_module("e1000e")', '$ lsmod']);

  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.getByLabel('Share link').inputValue();
  // Settings in the query, the whole state in the versioned, compressed hash.
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:4173\/\?profile=2\.6\.20&view=example&speed=max#s=1:[A-Za-z0-9+$-]+$/);
  await expect(page.locator('#share-size')).toHaveText(`${link.length} characters.`);

  const other = await context.newPage();
  const otherErrors: string[] = [];
  other.on('console', (m) => void (m.type() === 'error' && otherErrors.push(m.text())));
  await other.goto(link);
  await expect(other.locator('#banner-linked')).toContainText('Opened from a share link: nothing here is saved');
  await finished(other, 2);
  // The same steps gave the same results; the same modules are loaded.
  const replayed = await results(other);
  expect({ ...replayed, id: '' }).toEqual({ ...original, id: '' });
  await expect(other.locator('#view-example h2')).toHaveText('Basic autoload: request_module("e1000e")');
  await expect(other.locator('#set-threads')).toHaveValue('100');
  await expect(other.locator('#set-profile')).toHaveValue('2.6.20');
  await expect(other.getByLabel('Speed')).toHaveValue('max');
  await expect.poll(() => other.evaluate(() => window.__khelper.editorPath())).toBe('/root/note.txt');
  await typeLine(other, 'cat /root/note.txt');
  await waitScreen(other, /cat \/root\/note.txt\nshared note\n/);
  expect(otherErrors).toEqual([]);
});

test('a link in the older form (version 0: raw JSON) still opens, and ?profile= switches the semantics', async ({ page, errors: _errors }) => {
  const doc = {
    version: 1, name: 'Old link', description: 'Made with link format 0.',
    kernel: { profile: '2.6.20' },
    files: { '/root/msg': 'from an old link\n' },
    steps: [{ sh: 'cat /root/msg; echo > /proc/sys/kernel/modprobe' }, { requestModule: 'dummy' }],
  };
  await page.goto(`./?speed=max#s=0:${encodeURIComponent(JSON.stringify(doc))}`);
  await finished(page, 2);
  let r = await results(page);
  expect(r?.outcomes.map((o) => o.result)).toEqual([{ exitCode: 0, stdout: 'from an old link\n', stderr: '' }, { rets: [0] }]);
  await expect(page.locator('#view-example h2')).toHaveText('Old link');

  // The same link read by the 6.6 semantics: an empty modprobe path is -ENOENT there.
  await page.goto(`./?speed=max&profile=6.6#s=0:${encodeURIComponent(JSON.stringify(doc))}`);
  await finished(page, 2);
  r = await results(page);
  expect(r?.outcomes[1].result).toEqual({ rets: [-2] });
  await expect(page.locator('#set-profile')).toHaveValue('6.6');
});

test('a damaged or newer link says so and starts the default system', async ({ page, errors: _errors }) => {
  await page.goto('./#s=9:whatever');
  await expect(page.locator('#alert')).toHaveText('Could not open this share link: This share link was made by a newer khelper (link format 9; this page reads up to 1). The default system was started instead.');
  await expect.poll(() => screen(page), { timeout: 15_000 }).toMatch(/#$/);
  await page.goto('./#s=1:not-lz-string');
  await expect(page.locator('#alert')).toContainText('Could not open this share link');
});

test('a long state offers a scenario file, which opens from a file or from a URL', async ({ page, errors: _errors }, info) => {
  page.on('dialog', (d) => void d.accept());
  await openPlayground(page);
  // 6 KB that lz-string cannot shrink much: a pseudo-random hex dump.
  const big = await page.evaluate(async () => {
    let x = 12345;
    let s = '';
    for (let i = 0; i < 6000; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      s += (x >> 16).toString(16).slice(-1);
      if (i % 64 === 63) s += '\n';
    }
    await (window.__khelper.api as unknown as { write(p: string, b: string): Promise<unknown> }).write('/root/big.txt', s);
    return s;
  });
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.getByLabel('Share link').inputValue();
  expect(link.length).toBeGreaterThan(2000);
  await expect(page.locator('#share-size')).toContainText(`This link is ${link.length} characters long`);
  await expect(page.locator('#share-size')).toContainText('Download the scenario file instead');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download scenario file' }).click();
  const file = info.outputPath('shared.json');
  await (await download).saveAs(file);
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { version: number; files: Record<string, string> };
  expect(doc.version).toBe(1);
  expect(doc.files['/root/big.txt']).toBe(big);

  // Someone puts the file on the web: ?scenario=URL opens it (same site here: no question asked).
  // (By path: a glob would also match the page's own address, whose query names the file.)
  await page.route((u) => u.pathname === '/hosted/shared.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: readFileSync(file, 'utf8') }));
  await page.goto('./?scenario=./hosted/shared.json');
  await expect(page.locator('#banner-linked')).toContainText('Opened from a scenario file');
  await expect.poll(() => screen(page), { timeout: 15_000 }).toMatch(/#$/);
  await typeLine(page, 'md5sum /root/big.txt; wc -c < /root/big.txt');
  await waitScreen(page, new RegExp(`\\n${big.length}\\n`));
});

test('?example= opens a built-in example the same way, without touching the saved playground', async ({ page, errors: _errors }) => {
  await page.goto('./?example=runaway-6.6&speed=max');
  await expect(page.locator('#banner-linked')).toContainText('Opened from an example link');
  await expect(page.locator('#view-example h2')).toHaveText('The kmod limit on 6.6: a semaphore of 50 and -ETIME after 5 s');
  await finished(page, 2);
  const r = await results(page);
  expect(r?.outcomes[1].result).toEqual({ rets: [...Array(50).fill(0), ...Array(5).fill(-62)] });
  await expect(page.locator('#set-profile')).toHaveValue('6.6');
  // Even a save asked for now writes nothing: the browser holds no saved playground at all.
  await page.evaluate(() => window.__khelper.saveNow());
  expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).not.toContain('khelper');
});

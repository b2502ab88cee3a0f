import type { Page } from '@playwright/test';
import { test, expect, openPlayground, typeLine, waitScreen } from './fixtures.ts';

interface Stored {
  keys: string[];
  /** The current record's files (through the pointer, or the legacy record). */
  files: string[];
  savedAt: number | null;
}

/** What IndexedDB "khelper"/"state" holds, read from the page itself. */
function stored(page: Page): Promise<Stored> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((done, fail) => {
      const req = indexedDB.open('khelper');
      req.onerror = () => fail(req.error);
      req.onsuccess = () => done(req.result);
    });
    const read = <T>(f: (s: IDBObjectStore) => IDBRequest): Promise<T> => new Promise((done, fail) => {
      const r = f(db.transaction('state').objectStore('state'));
      r.onsuccess = () => done(r.result as T);
      r.onerror = () => fail(r.error);
    });
    type Rec = { current?: string; changes?: { files: Record<string, unknown> }; savedAt?: number } | undefined;
    const keys = await read<string[]>((s) => s.getAllKeys());
    let rec = await read<Rec>((s) => s.get('playground'));
    if (rec?.current) rec = await read<Rec>((s) => s.get(rec!.current!));
    db.close();
    return { keys: keys.sort(), files: Object.keys(rec?.changes?.files ?? {}).sort(), savedAt: rec?.savedAt ?? null };
  });
}

const saveNow = (page: Page): Promise<void> => page.evaluate(() => window.__khelper.saveNow());

async function saving(page: Page): Promise<void> {
  await expect(page.locator('#save-state')).toHaveText(/^Saved /, { timeout: 10_000 });
}

test('autosave is atomic: a crash between writing the new state and pointing at it leaves the previous state', async ({ page, errors: _errors }) => {
  await openPlayground(page);
  await saving(page);
  await typeLine(page, 'echo first > /root/a.txt');
  await waitScreen(page, /a\.txt\n[^\n]*#$/);
  await saveNow(page);
  let s = await stored(page);
  expect(s.files).toContain('/root/a.txt');
  expect(s.keys).toEqual(['playground', expect.stringMatching(/^playground@/)]);

  // The next save dies after writing its record, before the pointer moves (as a killed tab would).
  await page.evaluate(() => (window.__khelper as unknown as { storage: { crashNextSave(): void } }).storage.crashNextSave());
  await typeLine(page, 'echo second > /root/a.txt; echo new > /root/b.txt');
  await waitScreen(page, /b\.txt\n[^\n]*#$/);
  await saveNow(page);
  // (An autosave may meet the crash first; the saves after it find the tab dead.)
  await expect(page.locator('#save-state')).toHaveText(/^Not saved: .*simulated crash/);
  s = await stored(page);
  expect(s.keys).toHaveLength(3);
  expect(s.files).not.toContain('/root/b.txt');

  // Restarted: the previous state, whole.
  await openPlayground(page, './');
  await typeLine(page, 'cat /root/a.txt; ls /root/b.txt');
  await waitScreen(page, /\nfirst\nls: cannot access '\/root\/b\.txt': No such file or directory\n/);
  // The next good save points at its record and drops the orphan.
  await saveNow(page);
  s = await stored(page);
  expect(s.keys).toHaveLength(2);
  expect(s.files).toContain('/root/a.txt');
});

test('a second tab says the playground is open elsewhere, saves nothing, and takes over only when asked', async ({ page, context, errors: _errors }) => {
  test.setTimeout(90_000);
  await openPlayground(page);
  await typeLine(page, 'echo one > /root/t1.txt');
  await saving(page);

  const second = await context.newPage();
  const secondErrors: string[] = [];
  second.on('console', (m) => void (m.type() === 'error' && secondErrors.push(m.text())));
  await openPlayground(second);
  await expect(second.locator('#banner-tabs')).toContainText('khelper is open in another tab, which saves your work. Nothing you do in this tab is saved.');
  await expect(second.locator('#save-state')).toHaveText('Not saved in this tab');
  await typeLine(second, 'echo two > /root/t2.txt');
  await waitScreen(second, /t2\.txt\n[^\n]*#$/);
  await saveNow(second);
  expect((await stored(second)).files).not.toContain('/root/t2.txt');

  // The first tab keeps saving.
  await typeLine(page, 'echo three > /root/t3.txt');
  await waitScreen(page, /t3\.txt\n[^\n]*#$/);
  await saveNow(page);
  expect((await stored(page)).files).toEqual(expect.arrayContaining(['/root/t1.txt', '/root/t3.txt']));

  // Take over: the first tab saves a last time and stops; the second reloads with that state.
  await second.getByRole('button', { name: 'Use this tab instead' }).click();
  await expect(page.locator('#banner-tabs')).toContainText('khelper was opened in another tab, which now saves your work.');
  await expect(page.locator('#save-state')).toHaveText('Not saved in this tab');
  await expect(second.locator('#banner-tabs')).toHaveCount(0, { timeout: 15_000 });
  await expect.poll(() => second.evaluate(() => window.__khelper?.readScreen?.() ?? ''), { timeout: 15_000 }).toMatch(/#$/);
  await typeLine(second, 'cat /root/t3.txt; echo four > /root/t4.txt');
  await waitScreen(second, /\nthree\n/);
  await saveNow(second);
  expect((await stored(second)).files).toEqual(expect.arrayContaining(['/root/t3.txt', '/root/t4.txt']));
  // ... and the first tab no longer writes.
  await typeLine(page, 'echo five > /root/t5.txt');
  await waitScreen(page, /t5\.txt\n[^\n]*#$/);
  await saveNow(page);
  expect((await stored(page)).files).not.toContain('/root/t5.txt');
  expect(secondErrors).toEqual([]);
});

test('a full storage quota is reported, and saving resumes once there is room', async ({ page, errors: _errors }) => {
  await openPlayground(page);
  await typeLine(page, 'echo before > /root/q.txt');
  await saving(page);
  // The browser's answer to a write past the quota, injected at IndexedDB's put (Chromium's CDP
  // quota override does not reach IndexedDB, and filling a real disk is not a test).
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...a: Parameters<IDBObjectStore['put']>): IDBRequest<IDBValidKey> {
      if ((window as unknown as { __full?: boolean }).__full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, a);
    };
    (window as unknown as { __full?: boolean }).__full = true;
  });
  await typeLine(page, 'echo during > /root/q.txt');
  await waitScreen(page, /q\.txt\n[^\n]*#$/);
  await saveNow(page);
  await expect(page.locator('#alert')).toHaveText('Your work is not being saved: the browser has no more storage for this site (QuotaExceededError). Free some space, or Export your work to a file.');
  await expect(page.locator('#save-state')).toHaveText(/^Not saved: the browser has no more storage/);
  await page.evaluate(() => void ((window as unknown as { __full?: boolean }).__full = false));
  await saveNow(page);
  await expect(page.locator('#save-state')).toHaveText(/^Saved /);
  expect((await stored(page)).files).toContain('/root/q.txt');
});

test('a page opened from a link leaves the saved playground alone until kept', async ({ page, errors: _errors }) => {
  page.on('dialog', (d) => void d.accept());
  await openPlayground(page);
  await typeLine(page, 'echo mine > /root/mine.txt');
  await waitScreen(page, /mine\.txt\n[^\n]*#$/);
  await saving(page);
  await saveNow(page);
  const before = await stored(page);
  expect(before.files).toContain('/root/mine.txt');

  const doc = { version: 1, name: 'Linked', files: { '/root/linked.txt': 'from the link\n' } };
  // (A query makes it a new page load: a change of hash alone would stay on the same page.)
  await page.goto(`./?speed=1#s=0:${encodeURIComponent(JSON.stringify(doc))}`);
  await expect(page.locator('#banner-linked')).toContainText('nothing here is saved');
  await typeLine(page, 'echo more > /root/more.txt');
  await waitScreen(page, /more\.txt\n[^\n]*#$/);
  await saveNow(page);
  // (Leaving the first page may save it once more, with the same files.)
  expect((await stored(page)).files).toEqual(before.files);

  await page.getByRole('button', { name: 'Keep this as my playground' }).click();
  await expect(page.locator('#banner-linked')).toHaveCount(0);
  expect(page.url()).toBe('http://127.0.0.1:4173/');
  await saving(page);
  await saveNow(page);
  const after = await stored(page);
  expect(after.files).toEqual(expect.arrayContaining(['/root/linked.txt', '/root/more.txt']));
  expect(after.files).not.toContain('/root/mine.txt');
});

import { readdirSync } from 'node:fs';
import { test, expect, openPlayground } from './fixtures.ts';

const FILES = readdirSync(new URL('../scenarios/', import.meta.url)).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();

test('every example loads and runs', async ({ page, errors: _errors }) => {
  test.setTimeout(120_000);
  page.on('dialog', (d) => void d.accept());
  await openPlayground(page);
  const list = await page.evaluate(() => window.__khelper.api.examples());
  // The picker offers exactly the repository's scenarios/*.json.
  expect(list.map((e) => e.id).sort()).toEqual(FILES);
  await expect(page.locator('#examples option')).toHaveCount(FILES.length + 1);
  await page.getByLabel('Speed').selectOption({ label: 'As fast as possible' });
  for (const ex of list) {
    await page.getByRole('combobox', { name: 'Examples' }).selectOption(ex.id);
    await expect(page.locator('#view-example h2')).toHaveText(ex.name);
    await expect(page.locator('#status')).toHaveText(`Example "${ex.name}" loaded`);
    if (ex.steps > 0) await expect(page.locator('#runstate'), ex.id).toContainText(`example ${ex.steps}/${ex.steps} done`, { timeout: 20_000 });
    await expect.poll(() => page.evaluate(() => window.__khelper.readScreen()), { message: ex.id }).toContain(`── Example: ${ex.name}`);
  }
});

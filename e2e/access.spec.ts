import { test, expect, openPlayground, typeLine, waitScreen } from './fixtures.ts';

test('every control is named and reachable with Tab; Escape leaves the console and the editor', async ({ page, errors: _errors }) => {
  await openPlayground(page);
  await expect(page.locator('#editor-host[data-editor="monaco"] .monaco-editor')).toBeVisible({ timeout: 20_000 });

  const controls = page.locator('#app button:visible, #app select:visible, #app input:visible, #app [role="tab"], #app [role="separator"]');
  const n = await controls.count();
  expect(n).toBeGreaterThan(20);
  for (let i = 0; i < n; i++) await expect(controls.nth(i)).toHaveAccessibleName(/\S/);

  // Tab from the top of the page reaches every toolbar control.
  const want = ['btn-run', 'btn-pause', 'btn-step', 'btn-reset', 'speed', 'examples', 'btn-reset-example', 'btn-export', 'btn-import', 'btn-settings',
    'tree-new', 'tree-rename', 'tree-delete', 'tree-exec', 'editor-save', 'console-focus', 'split-v', 'tab-example'];
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const seen = new Set<string>();
  for (let i = 0; i < 60 && !want.every((id) => seen.has(id)); i++) {
    // The editor and the terminal keep Tab for themselves (indent, completion): Escape leaves them.
    const trapped = await page.evaluate(() => !!document.activeElement?.closest('.monaco-editor, .xterm'));
    await page.keyboard.press(trapped ? 'Escape' : 'Tab');
    seen.add(await page.evaluate(() => document.activeElement?.id ?? ''));
  }
  expect(want.filter((id) => !seen.has(id))).toEqual([]);

  // Escape moves on to what follows the console (the separator above the views) or the editor.
  await page.locator('#console .xterm-helper-textarea').focus();
  await page.keyboard.press('Escape');
  await expect(page.locator('#split-h')).toBeFocused();
  await page.locator('#editor-host .monaco-editor .view-lines').click();
  await page.keyboard.press('Escape');
  await expect(page.locator('#split-v')).toBeFocused();
  await page.locator('#console-focus').click();
  await expect(page.locator('#console .xterm-helper-textarea')).toBeFocused();

  // xterm's screen-reader mode is a setting.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Screen-reader mode for the console').check();
  await expect(page.locator('#console .xterm-accessibility-tree')).toBeAttached();
});

test('follows the OS dark preference', async ({ page, errors: _errors }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openPlayground(page);
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(22, 25, 29)');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(246, 247, 249)');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the panes stack, the editor is a plain textarea, and both work', async ({ page, errors: _errors }) => {
    const monaco: string[] = [];
    page.on('request', (r) => {
      if (/editor_monaco|editor\.worker/.test(r.url())) monaco.push(r.url());
    });
    await openPlayground(page);
    const ta = page.locator('#editor-host[data-editor="plain"] textarea');
    await expect(ta).toBeVisible();
    const consoleBox = (await page.locator('#console-pane').boundingBox())!;
    const editorBox = (await page.locator('#editor-pane').boundingBox())!;
    expect(consoleBox.y + consoleBox.height).toBeLessThanOrEqual(editorBox.y);
    expect(consoleBox.width).toBeGreaterThan(350);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await typeLine(page, 'echo from a phone');
    await waitScreen(page, /\nfrom a phone\n/);
    // The first visit opens /root/fake-modprobe.sh: edit it in the textarea and save.
    await expect(page.locator('#editor-path')).toContainText('/root/fake-modprobe.sh');
    await ta.press('Control+End');
    await ta.pressSequentially('# edited on a phone\n');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.locator('#status')).toHaveText('Saved /root/fake-modprobe.sh into the machine');
    await typeLine(page, 'cat /root/fake-modprobe.sh');
    await waitScreen(page, /exec \/sbin\/modprobe "\$@"\n# edited on a phone\n/);
    expect(monaco).toEqual([]);
  });
});

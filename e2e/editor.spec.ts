import type { Page } from '@playwright/test';
import { test, expect, openPlayground, typeLine, waitScreen } from './fixtures.ts';

async function openInTree(page: Page, path: string): Promise<void> {
  const parts = path.split('/').filter(Boolean);
  let cur = '';
  for (let i = 0; i < parts.length; i++) {
    cur += `/${parts[i]}`;
    const item = page.locator(`#tree li[data-path="${cur}"]`);
    if (i < parts.length - 1) {
      if ((await item.getAttribute('aria-expanded')) !== 'true') await item.locator('> .row').click();
      await expect(item).toHaveAttribute('aria-expanded', 'true');
    } else {
      await item.locator('> .row').click();
    }
  }
  await expect(page.locator('#editor-path')).toContainText(path);
}

async function monacoReady(page: Page): Promise<void> {
  await expect(page.locator('#editor-host[data-editor="monaco"] .monaco-editor')).toBeVisible({ timeout: 20_000 });
}

test("lines kmod would reject are underlined with kmod's own message; .ko errors too", async ({ page, errors: _errors }) => {
  page.on('dialog', (d) => void d.accept(d.type() === 'prompt' ? '/root/bad.ko' : undefined));
  await openPlayground(page);
  await monacoReady(page);
  await openInTree(page, '/etc/modprobe.d/blacklist.conf');
  await page.locator('#editor-host .monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('alias\nblacklist floppy\n');
  const problems = page.locator('#editor-problems');
  await expect(problems).toHaveText("line 3: kmod_config_parse: /etc/modprobe.d/blacklist.conf line 3: ignoring bad line starting with 'alias'");
  await expect(page.locator('#editor-host .squiggly-error')).toHaveCount(1);
  // Completing the line makes it valid.
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.type(' fs-foo vfat');
  await expect(problems).toBeHidden();
  await expect(page.locator('#editor-host .squiggly-error')).toHaveCount(0);

  await page.getByRole('button', { name: 'New file' }).click();
  await expect(page.locator('#editor-path')).toContainText('/root/bad.ko');
  await page.locator('#editor-host .monaco-editor .view-lines').click();
  await page.keyboard.type('description=demo\n[init]\nfrobnicate now\n');
  await expect(problems).toContainText('line 3: ');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('description=demo\n[init]\nprintk KERN_INFO demo: hello\n');
  await expect(problems).toBeHidden();
});

test('a change made from the console shows in the open file', async ({ page, errors: _errors }) => {
  await openPlayground(page);
  await openInTree(page, '/root/README');
  await typeLine(page, 'echo "written from the console" > /root/README');
  await expect.poll(() => page.evaluate(() => window.__khelper?.editorText?.())).toBe('written from the console\n');
  await expect(page.locator('#editor-dirty')).toBeHidden();
});

test('/sbin/modprobe offers "Replace with a script", which the kernel then runs', async ({ page, errors: _errors }) => {
  await openPlayground(page);
  await openInTree(page, '/sbin/modprobe');
  await expect(page.locator('#editor-notice')).toContainText('native program');
  await page.getByRole('button', { name: 'Replace with a script' }).click();
  await expect(page.locator('#editor-path')).toContainText('/usr/local/sbin/modprobe-wrapper  (0755)');
  await expect(page.locator('#set-modprobe')).toHaveValue('/usr/local/sbin/modprobe-wrapper');
  await expect.poll(() => page.evaluate(() => window.__khelper?.editorText?.())).toContain('exec /sbin/modprobe "$@"');
  await typeLine(page, 'mount -t vfat none /mnt; lsmod');
  await waitScreen(page, /modprobe-wrapper: pid \d+ asked for: -q -- vfat\n/);
  await waitScreen(page, /\nvfat /);
});

test('unsaved edits survive a reload as unsaved edits', async ({ page, errors: _errors }) => {
  await openPlayground(page);
  await monacoReady(page);
  await expect(page.locator('#editor-path')).toContainText('/root/fake-modprobe.sh');
  await page.locator('#editor-host .monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('# not saved yet');
  await expect(page.locator('#editor-dirty')).toBeVisible();
  await page.evaluate(() => window.__khelper.saveNow());
  await page.reload();
  await expect.poll(() => page.evaluate(() => window.__khelper?.editorText?.())).toContain('# not saved yet');
  await expect(page.locator('#editor-dirty')).toBeVisible();
  await typeLine(page, 'cat /root/fake-modprobe.sh | wc -l');
  await waitScreen(page, /wc -l\n7\n/);
});

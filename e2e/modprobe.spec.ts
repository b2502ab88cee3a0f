import { test, expect, openPlayground, screen, typeLine, waitScreen } from './fixtures.ts';

const SCRIPT = [
  '#!/bin/sh',
  'echo "my-modprobe: asked for $*" > /dev/console',
  'exec /sbin/modprobe "$@"',
];

test('a fake modprobe written in the editor runs on autoload, and a reload keeps it', async ({ page, errors: _errors }) => {
  page.on('dialog', (d) => void d.accept(d.type() === 'prompt' ? '/root/my-modprobe' : undefined));
  await openPlayground(page);
  await expect(page.locator('#editor-host[data-editor="monaco"] .monaco-editor')).toBeVisible({ timeout: 20_000 });

  // A new file from the tree, written in Monaco, saved with Ctrl-S, made executable.
  await page.getByRole('button', { name: 'New file' }).click();
  await expect(page.locator('#editor-path')).toContainText('/root/my-modprobe');
  await page.locator('#editor-host .monaco-editor .view-lines').click();
  await page.keyboard.type(SCRIPT.join('\n'));
  await expect(page.locator('#editor-dirty')).toBeVisible();
  await page.keyboard.press('Control+s');
  await expect(page.locator('#status')).toHaveText('Saved /root/my-modprobe into the machine');
  await expect(page.locator('#editor-dirty')).toBeHidden();
  await page.getByRole('button', { name: 'Toggle executable' }).click();
  await expect(page.locator('#status')).toHaveText('/root/my-modprobe is now executable');

  // The kernel's modprobe path points at it; a filesystem the kernel lacks triggers the autoload.
  await typeLine(page, 'echo /root/my-modprobe > /proc/sys/kernel/modprobe');
  await typeLine(page, 'mount -t vfat none /mnt');
  await waitScreen(page, /my-modprobe: asked for -q -- vfat/);
  await expect(page.locator('#set-modprobe')).toHaveValue('/root/my-modprobe');

  // Reload: the file and the setting come back (autosave would store them within a second;
  // the test saves at once rather than wait).
  await page.evaluate(() => window.__khelper.saveNow());
  await page.reload();
  await expect.poll(() => screen(page), { timeout: 15_000 }).toContain('restored from your last visit');
  await expect.poll(() => page.evaluate(() => window.__khelper?.editorPath?.())).toBe('/root/my-modprobe');
  await expect.poll(() => page.evaluate(() => window.__khelper?.editorText?.())).toBe(SCRIPT.join('\n'));
  await typeLine(page, 'cat /proc/sys/kernel/modprobe; ls -l /root/my-modprobe');
  await waitScreen(page, /cat \/proc\/sys\/kernel\/modprobe; ls -l \/root\/my-modprobe\n\/root\/my-modprobe\n-rwxr-xr-x/);
});

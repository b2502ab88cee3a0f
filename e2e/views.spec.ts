// The machinery views (src/ui/views): timeline, dmesg, kernel source with stepping and
// breakpoints, side by side, exports, faults. Against the built page, like the other e2e specs.
import type { Page } from '@playwright/test';
import { test, expect, openPlayground, screen, waitScreen } from './fixtures.ts';

/** The views load in their own chunk after the console: wait for them. */
async function openViews(page: Page): Promise<void> {
  await openPlayground(page);
  await expect.poll(() => page.evaluate(() => !!window.__khelper.views), { timeout: 15_000 }).toBe(true);
  // A taller views panel (the separator takes arrow keys).
  await page.locator('#split-h').focus();
  for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowUp');
}

async function loadExample(page: Page, id: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Examples' }).selectOption(id);
  await expect(page.locator('#status')).toContainText('loaded');
}

const fastest = (page: Page): Promise<string[]> => page.getByLabel('Speed').selectOption({ label: 'As fast as possible' });

/** Lanes of the page's store, as plain data. */
function lanes(page: Page): Promise<{ pid: number; comm: string; helper: boolean; kthread: boolean; exitStatus: number | null; parent: number }[]> {
  return page.evaluate(() => {
    const m = (window.__khelper.views as { model(): { lanes: { pid: number; comm: string; helper: boolean; kthread: boolean; exitStatus: number | null; parent: { pid: number } | null }[] } }).model();
    return m.lanes.map((l) => ({ pid: l.pid, comm: l.comm, helper: l.helper, kthread: l.kthread, exitStatus: l.exitStatus, parent: l.parent?.pid ?? 0 }));
  });
}

test('the runaway example shows 50 concurrent helper lanes, and dmesg the five runaway lines', async ({ page, errors: _errors }) => {
  page.on('dialog', (d) => void d.accept());
  await openViews(page);
  await fastest(page);
  await loadExample(page, 'runaway-2.6.20');
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.locator('#runstate')).toContainText('example 2/2 done', { timeout: 30_000 });
  await expect(page.locator('#tl-stats')).toContainText('at most 50 at once');
  await expect(page.locator('#tl-stats')).toContainText('helpers now 0');
  const all = await lanes(page);
  const helpers = all.filter((l) => l.helper);
  expect(helpers).toHaveLength(50);
  // Each helper was forked by wait_for_helper (comm khelper, a kernel thread) and exec'd the script.
  expect(new Set(helpers.map((l) => all.find((p) => p.pid === l.parent)?.comm))).toEqual(new Set(['khelper']));
  expect(helpers.every((l) => l.exitStatus === 0)).toBe(true);
  await expect(page.locator('#ctr-kmod')).toHaveText('kmod_concurrent: 0/50');

  await page.getByRole('tab', { name: 'dmesg' }).click();
  const runaway = page.locator('#dmesg-log .dm-line', { hasText: 'request_module: runaway loop modprobe dummy' });
  await expect(runaway).toHaveCount(5);
  // KERN_ERR, coloured as an error, with a virtual timestamp.
  await expect(runaway.first()).toHaveClass(/lv-err/);
  await expect(runaway.first().locator('.dm-t')).toHaveText(/^\[\s+0\.\d{6}\]$/);
  await expect(runaway.first().locator('.dm-l')).toHaveText('<3>');

  // The canvas timeline: a click on a lane selects that task for the details panel.
  await page.getByRole('tab', { name: 'Timeline' }).click();
  const canvas = page.locator('#view-timeline canvas');
  await canvas.focus();
  await page.keyboard.press('Home');
  await expect(page.locator('#view-timeline .vw-details h3')).toContainText(/^pid \d+ · /);
});

/** Press Step line and wait for the stop it leads to; returns the function and line lit. */
async function stepLine(page: Page): Promise<{ fn: string; line: number }> {
  const stop = page.locator('#src-stop');
  const before = Number((await stop.getAttribute('data-n')) ?? 0);
  await page.getByRole('button', { name: 'Step line' }).click();
  await expect(stop).toHaveAttribute('data-n', String(before + 1));
  const line = Number(await stop.getAttribute('data-line'));
  await expect(page.locator(`#src-line-${line}`)).toHaveClass(/\blit\b/);
  return { fn: (await stop.getAttribute('data-fn')) ?? '', line };
}

test('stepping by seed line lights the lines of kmod.c in the order the kernel runs them', async ({ page, errors: _errors }) => {
  page.on('dialog', (d) => void d.accept());
  await openViews(page);
  await page.getByRole('button', { name: 'Pause' }).click();
  await loadExample(page, 'basic-autoload');
  await page.getByRole('tab', { name: 'Kernel source' }).click();
  await expect(page.locator('#src-line-64')).toContainText('int request_module(const char *fmt, ...)');
  // The seed's mangled "&current" is shown as the source has it.
  await expect(page.locator('#src-line-143')).toContainText('sigemptyset(&current->blocked);');

  const fns: string[] = [];
  const lines: number[] = [];
  for (let i = 0; i < 40; i++) {
    const s = await stepLine(page);
    lines.push(s.line);
    if (fns[fns.length - 1] !== s.fn) fns.push(s.fn);
    if (s.fn === '____call_usermodehelper' && s.line === 171) break;
  }
  expect(fns).toEqual(['request_module', 'call_usermodehelper_keys', '__call_usermodehelper', 'wait_for_helper', '____call_usermodehelper']);
  // request_module's own lines come in source order: format, limit, count, call.
  expect(lines.slice(0, 5)).toEqual([64, 80, 97, 99, 109]);
  expect(lines[lines.length - 1]).toBe(171);
  await expect(page.locator('#runstate')).toHaveText(/^paused/);
  // The stop selected the task that executes the line.
  await expect(page.locator('#src-stop')).toContainText('in ____call_usermodehelper()');
});

test('a breakpoint on kernel_execve stops there; a line breakpoint stops at its line', async ({ page, errors: _errors }) => {
  page.on('dialog', (d) => void d.accept());
  await openViews(page);
  await page.getByRole('button', { name: 'Pause' }).click();
  await loadExample(page, 'basic-autoload');
  await page.getByRole('tab', { name: 'Kernel source' }).click();
  await page.getByRole('checkbox', { name: 'kernel_execve' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  const stop = page.locator('#src-stop');
  await expect(stop).toContainText('Stopped at sched_process_exec (/sbin/modprobe)');
  await expect(stop).toContainText('at kmod.c:171');
  await expect(page.locator('#src-line-171')).toHaveClass(/\blit\b/);
  await expect(page.locator('#runstate')).toHaveText(/^paused/);
  // The helper did not finish: the example's first step is still running.
  await expect(page.locator('#runstate')).not.toContainText('example 1/2');

  // wait4: wait_for_helper reaps the helper at kmod.c:209 (the stop comes after that scheduler
  // event, when the thread may be gone already: the trace still names and lights it).
  await page.getByRole('checkbox', { name: 'kernel_execve' }).uncheck();
  await page.getByRole('checkbox', { name: 'wait4' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(stop).toContainText(/^Stopped at sched_process_wait: pid \d+ \(khelper\) at kmod\.c:209/);
  await expect(page.locator('#src-line-209')).toHaveClass(/\bstop\b/);
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.locator('#view-timeline .vw-details h3')).toHaveText(/^pid \d+ · khelper$/);
  await page.getByRole('tab', { name: 'Kernel source' }).click();
  await page.getByRole('checkbox', { name: 'wait4' }).uncheck();

  // A line breakpoint on wait_for_helper's sys_wait4 line: the next request stops there.
  await page.getByRole('button', { name: 'Breakpoint at line 209' }).click();
  await expect(page.getByRole('button', { name: 'Breakpoint at line 209' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.locator('#runstate')).toContainText('example 2/2 done', { timeout: 20_000 });
  // basic-autoload's one request already passed line 209: a new one from the console stops there.
  await page.getByRole('button', { name: 'Run' }).click();
  await page.locator('#console .xterm-helper-textarea').focus();
  await page.keyboard.type('mount -t vfat none /mnt\n');
  await expect(stop).toContainText('at kmod.c:209 in wait_for_helper()');
  await expect(page.locator('#src-line-209')).toHaveClass(/\bstop\b/);
  await page.getByRole('button', { name: 'Breakpoint at line 209' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await waitScreen(page, /mount -t vfat none \/mnt\n[^\n]*#$/);
});

test('side by side: selftest 0008 gives -12 on 2.6.20 and 0 on 6.6', async ({ page, errors: _errors }) => {
  test.setTimeout(120_000);
  await openViews(page);
  await page.getByRole('tab', { name: 'Side by side' }).click();
  await page.getByLabel('Example to compare').selectOption('selftest-kmod');
  await page.getByRole('button', { name: 'Run on 2.6.20 and 6.6' }).click();
  await expect(page.locator('#cmp-status')).toContainText('Done', { timeout: 90_000 });
  const step = page.locator('#cmp-result .cmp-step[data-step="1"]');
  const left = step.locator('.cmp-pair').first().locator('.cmp-left');
  const right = step.locator('.cmp-pair').first().locator('.cmp-right');
  await expect(left.locator('h4')).toHaveText('2.6.20');
  await expect(right.locator('h4')).toHaveText('6.6');
  await expect(left.locator('.cmp-diff', { hasText: 'Test 0008: FAIL: expected 0, got -12' })).toHaveCount(1);
  await expect(right.locator('.cmp-diff', { hasText: 'Test 0008: OK! (0)' })).toHaveCount(1);
  // Cases both kernels agree on are not marked.
  await expect(left.locator('span', { hasText: 'Test 0005: OK! (0)' })).not.toHaveClass(/cmp-diff/);
  // The traces: the eight requests over the limit, and the runaway printk only on 2.6.20.
  const row = step.locator('.cmp-rows tr', { hasText: 'request_module("test_module") = -12' });
  await expect(row.locator('td').nth(1)).toHaveText(/^[1-9]\d*$/);
  await expect(row.locator('td').nth(2)).toHaveText('0');
  await expect(page.locator('#cmp-result')).toContainText('printk <3> request_module: runaway loop modprobe test_module');
});

test('the trace downloads as JSON, ftrace and Perfetto files', async ({ page, errors: _errors }) => {
  page.on('dialog', (d) => void d.accept());
  await openViews(page);
  await fastest(page);
  await loadExample(page, 'basic-autoload');
  await expect(page.locator('#runstate')).toContainText('example 2/2 done', { timeout: 20_000 });
  await page.getByRole('tab', { name: 'Timeline' }).click();
  const get = async (name: string): Promise<{ file: string; text: string }> => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
    const stream = await dl.createReadStream();
    let text = '';
    for await (const chunk of stream) text += String(chunk);
    return { file: dl.suggestedFilename(), text };
  };
  const json = await get('JSON');
  expect(json.file).toBe('khelper-trace.json');
  const events = JSON.parse(json.text) as { event: string; name?: string; src?: string }[];
  expect(events.find((e) => e.event === 'module_request')).toMatchObject({ name: 'e1000e', src: 'kmod.c:64' });
  const ftrace = await get('ftrace');
  expect(ftrace.file).toBe('khelper-trace.txt');
  expect(ftrace.text.startsWith('# tracer: nop\n')).toBe(true);
  expect(ftrace.text).toMatch(/module_request: name=e1000e wait=1 src=kmod\.c:64\n/);
  const perfetto = await get('Perfetto');
  expect(perfetto.file).toBe('khelper-trace.perfetto.json');
  const pf = JSON.parse(perfetto.text) as { traceEvents: { name: string; ph: string }[] };
  expect(pf.traceEvents.some((e) => e.ph === 'X' && e.name === 'Running')).toBe(true);
  expect(pf.traceEvents.filter((e) => e.name === 'module_request' && e.ph === 'i')).toHaveLength(1);
});

test('fault switches write a fake modprobe and say exactly what they did', async ({ page, errors: _errors }) => {
  await openViews(page);
  await page.getByRole('tab', { name: 'Faults' }).click();
  await page.getByLabel('Helper exits', { exact: true }).check();
  await page.getByLabel('with status').fill('3');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('#fault-out pre')).toContainText("cat > /usr/local/sbin/khelper-fault <<'EOF'");
  await expect(page.locator('#fault-out pre')).toContainText('exit 3\nEOF\nchmod 0755 /usr/local/sbin/khelper-fault\necho /usr/local/sbin/khelper-fault > /proc/sys/kernel/modprobe');
  await expect(page.locator('#set-modprobe')).toHaveValue('/usr/local/sbin/khelper-fault');
  await page.getByRole('button', { name: 'Try it: mount -t vfat none /mnt' }).click();
  await waitScreen(page, /mount -t vfat none \/mnt\n/);
  // The helper's exit status 3 reaches the kernel as the wait status 768.
  await expect.poll(async () => (await lanes(page)).filter((l) => l.helper).map((l) => l.exitStatus)).toEqual([768]);

  await page.getByLabel('Exec fails').check();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('#fault-out pre')).toContainText('chmod 0644 /usr/local/sbin/khelper-fault-noexec');
  await page.getByLabel('No fault').check();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('#fault-out pre')).toHaveText('echo /sbin/modprobe > /proc/sys/kernel/modprobe');
  await expect(page.locator('#set-modprobe')).toHaveValue('/sbin/modprobe');
  expect(await screen(page)).not.toContain('khelper: the simulation hit a bug');
});

test('the views are named and work from the keyboard', async ({ page, errors: _errors }) => {
  await openViews(page);
  for (const name of ['Timeline', 'Tasks', 'Kernel source', 'dmesg', 'Side by side', 'Faults']) {
    const tab = page.getByRole('tab', { name, exact: true });
    await tab.focus();
    await page.keyboard.press('Enter');
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    const panel = page.locator(`#${await tab.getAttribute('aria-controls')}`);
    await expect(panel).toBeVisible();
    // Every control but kmod.c's 335 line numbers (named alike: one is checked below).
    const controls = panel.locator('button:visible:not(.src-num), select:visible, input:visible, canvas, [role="tree"], [role="log"]');
    const n = await controls.count();
    expect(n, name).toBeGreaterThan(0);
    for (let i = 0; i < n; i++) await expect(controls.nth(i), `${name} #${i}`).toHaveAccessibleName(/\S/);
  }
  // Arrow keys move between the tabs, the views' own tabs included.
  await page.getByRole('tab', { name: 'Faults' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Side by side' })).toBeFocused();

  // Kernel source: one line number is in the tab order; arrows move, Enter sets a breakpoint.
  await page.getByRole('tab', { name: 'Kernel source' }).click();
  await page.getByRole('button', { name: 'Breakpoint at line 1', exact: true }).focus();
  for (const key of ['PageDown', 'PageDown', 'PageDown', 'ArrowDown', 'ArrowDown', 'ArrowDown']) await page.keyboard.press(key);
  await expect(page.getByRole('button', { name: 'Breakpoint at line 64' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Breakpoint at line 64' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Breakpoint at line 64' })).toHaveAttribute('aria-pressed', 'false');

  // Tasks: the tree takes arrow keys and shows the selected task's details.
  await page.getByRole('tab', { name: 'Tasks' }).click();
  const tree = page.getByRole('tree', { name: 'Process tree' });
  await expect(page.locator('#tt-summary')).toContainText(/^\d+ tasks: /);
  await tree.focus();
  await page.keyboard.press('Home');
  await expect(page.locator('#view-tasks .vw-details h3')).toHaveText(/^pid 1 · init$/);
  await expect(page.locator('#view-tasks .vw-details')).toContainText('Live: as the kernel has it now.');
  await expect(page.locator('#view-tasks .vw-details')).toContainText('nofile');
  await page.keyboard.press('ArrowDown');
  await expect(tree.locator('[role="treeitem"][aria-selected="true"]')).toHaveAttribute('aria-level', '2');
});

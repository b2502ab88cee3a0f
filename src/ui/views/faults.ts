// The Faults view: switches that make the next helper hang, fail its exec, exit with a chosen
// status, or request a module itself. Each writes a fake modprobe into the machine and points
// /proc/sys/kernel/modprobe at it; the view shows exactly what was written and set.
import type { FaultKind, FaultReport, FaultSpec } from '../../worker/api.ts';
import { h } from './dom.ts';

export interface FaultsHost {
  apply(f: FaultSpec): Promise<FaultReport>;
  /** Type a command line into the console. */
  type(line: string): void;
}

const CHOICES: [FaultKind, string, string][] = [
  ['none', 'No fault', 'The kernel runs the modprobe it ran before the first fault.'],
  ['hang', 'Helper hangs', 'The helper sleeps for ever: the request never returns and its kmod slot stays taken.'],
  ['noexec', 'Exec fails', 'modprobe points at a file without the execute bit: kernel_execve() fails with -EACCES (-13).'],
  ['exit', 'Helper exits', 'request_module() returns the raw wait status (status << 8).'],
  ['request', 'Helper requests a module itself', 'The helper makes the kernel request another module before it exits: a nested helper.'],
];

export class FaultsView {
  readonly el: HTMLElement;
  private readonly out: HTMLElement;
  private readonly status: HTMLInputElement;
  private readonly recursive: HTMLInputElement;

  constructor(private readonly host: FaultsHost) {
    this.status = h('input', { type: 'number', id: 'fault-status', min: 0, max: 255, value: 1 });
    this.recursive = h('input', { type: 'checkbox', id: 'fault-recursive' });
    const radios = CHOICES.map(([kind, label, hint]) => h('div', { class: 'fault-choice' },
      h('label', {}, h('input', { type: 'radio', name: 'fault', value: kind, id: `fault-${kind}`, checked: kind === 'none' }), ` ${label}`),
      kind === 'exit' ? h('span', {}, ' ', h('label', { for: 'fault-status' }, 'with status'), ' ', this.status) : null,
      kind === 'request' ? h('label', { class: 'check' }, this.recursive, ' every nested helper asks again (the runaway loop)') : null,
      h('span', { class: 'muted' }, ` — ${hint}`)));
    this.out = h('div', { class: 'fault-out', id: 'fault-out', 'aria-live': 'polite' });
    const form = h('form', { class: 'fault-form', 'aria-label': 'Fault switches', onsubmit: (e: Event) => {
      e.preventDefault();
      void this.apply();
    } }, h('fieldset', {}, h('legend', {}, 'What the next usermode helper does'), ...radios),
    h('div', { class: 'fault-actions' }, h('button', { type: 'submit', id: 'fault-apply' }, 'Apply'),
      h('button', { type: 'button', id: 'fault-try', onclick: () => host.type('mount -t vfat none /mnt') }, 'Try it: mount -t vfat none /mnt')));
    this.el = h('div', { class: 'faults' }, form, this.out);
  }

  private async apply(): Promise<void> {
    const kind = (this.el.querySelector<HTMLInputElement>('input[name="fault"]:checked')?.value ?? 'none') as FaultKind;
    const r = await this.host.apply({ kind, status: Number(this.status.value), recursive: this.recursive.checked });
    this.show(r);
  }

  private show(r: FaultReport): void {
    const cmds: string[] = [];
    if (r.path) cmds.push(`cat > ${r.path} <<'EOF'\n${r.content}EOF`, `chmod ${r.mode} ${r.path}`);
    cmds.push(r.command);
    this.out.replaceChildren(
      h('p', {}, r.error ? `Could not apply: ${r.error}` : r.kind === 'none' ? 'Fault removed. Done, as shell commands:' : 'Applied. What was done, as shell commands:'),
      h('pre', { class: 'fault-cmds' }, cmds.join('\n')),
      h('p', { class: 'muted' }, 'The next module request (a mount of an unknown filesystem, modprobe from a module, a test step) runs it. Watch the Timeline, dmesg and the counters.'));
  }
}

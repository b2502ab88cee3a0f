// The selected task's details: for a live task what the kernel says now (/proc-style: states,
// signal masks, rlimits, cpus_allowed, fds), for one that is gone what the trace told (argv,
// envp, exit status, times). Shared by the Timeline and Tasks views.
import type { TaskInfo } from '../../worker/api.ts';
import { h, secs } from './dom.ts';
import { STATE_NAMES } from './model.ts';
import type { Lane } from './model.ts';

const STATE_LETTER: Record<string, string> = { R: 'R (running)', S: 'S (sleeping)', D: 'D (disk sleep)', T: 'T (stopped)', Z: 'Z (zombie)', X: 'X (dead)' };

function status(ws: number): string {
  const sig = ws & 0x7f;
  if (sig === 0) return `${ws} (exited ${(ws >> 8) & 0xff})`;
  return `${ws} (killed by signal ${sig}${ws & 0x80 ? ', core dumped' : ''})`;
}

function row(name: string, value: string | Node): HTMLElement {
  return h('div', { class: 'kv' }, h('dt', {}, name), h('dd', {}, value));
}

function list(items: readonly string[] | null): string {
  if (!items) return '—';
  return items.length ? items.map((s) => JSON.stringify(s)).join(' ') : '(empty)';
}

export function renderDetails(el: HTMLElement, lane: Lane | null, info: TaskInfo | null, origin: number): void {
  if (!lane && !info) {
    el.replaceChildren(h('p', { class: 'muted' }, 'Click a task (in the timeline or the tree) to see its details.'));
    return;
  }
  const rel = (t: number): string => `${secs(t)} s${Number.isFinite(origin) ? ` (+${secs(t - origin)})` : ''}`;
  const out: HTMLElement[] = [];
  const pid = info?.pid ?? lane!.pid;
  const head = [h('h3', {}, `pid ${pid} · ${info?.comm ?? lane!.comm}`)];
  const tail: HTMLElement[] = [];
  if (info) {
    head.push(h('p', { class: 'muted' }, 'Live: as the kernel has it now.'));
    out.push(row('ppid', String(info.ppid)), row('state', `${STATE_LETTER[info.state] ?? info.state}${info.wchan ? ` on ${info.wchan}` : ''}`),
      row('kind', info.kthread ? 'kernel thread' : `user process (exe ${info.exe || '?'})`),
      row('argv', list(info.argv)), row('envp', list(info.envp)), row('uid', String(info.uid)), row('nice', String(info.nice)),
      row('SigPnd', info.sigPending), row('SigBlk', info.sigBlocked), row('SigIgn', info.sigIgnored), row('SigCgt', info.sigCaught),
      row('cpus_allowed', `0x${info.cpusAllowed.toString(16)}`),
      row('fds', info.fds.length ? info.fds.map((f) => `${f.fd}→${f.path}${f.cloexec ? ' (cloexec)' : ''}`).join(', ') : 'none (a helper starts with no fd 0/1/2)'),
      row('exit status', info.exitStatus === null ? 'still running' : status(info.exitStatus)),
      row('kmod.c line', info.srcLine ? `kmod.c:${info.srcLine}` : '—'), row('started', rel(info.startTime)));
    const limits = h('table', { class: 'rlim' }, h('thead', {}, h('tr', {}, h('th', {}, 'rlimit'), h('th', {}, 'soft'), h('th', {}, 'hard'))),
      h('tbody', {}, ...info.rlimits.map((r) => h('tr', {}, h('td', {}, r.name), h('td', {}, String(r.cur)), h('td', {}, String(r.max))))));
    tail.push(h('details', {}, h('summary', {}, 'rlimits'), limits));
  } else if (lane) {
    head.push(h('p', { class: 'muted' }, lane.end !== Infinity ? 'Gone: what the trace told about it.' : 'From the trace (details load…).'));
    out.push(row('ppid', String(lane.ppid)), row('state', STATE_NAMES[lane.state]),
      row('kind', lane.helper ? 'usermode helper (a kernel thread that exec\'d)' : lane.kthread ? 'kernel thread' : 'user process'),
      row('exec', lane.filename || '—'), row('argv', list(lane.argv)), row('envp', list(lane.envp)),
      ...(lane.kernelArgv ? [row('kernel_execve argv', list(lane.kernelArgv)), row('kernel_execve envp', list(lane.kernelEnvp))] : []),
      row('exit status', lane.exitStatus === null ? '—' : status(lane.exitStatus)),
      row('kmod.c line', lane.line ? `kmod.c:${lane.line}${lane.fn ? ` (${lane.fn})` : ''}` : '—'),
      row('started', lane.seeded ? 'before the trace began' : rel(lane.start)), row('ended', lane.end === Infinity ? '—' : rel(lane.end)));
  }
  el.replaceChildren(...head, h('dl', { class: 'details' }, ...out), ...tail);
}

// Reading processes as procps' library does: /proc/<pid>/{stat,status,cmdline,wchan}, the
// uid/gid names from /etc/passwd and /etc/group, and the tty name from tty_nr.
import type { UserGen } from '../../uapi/syscalls.ts';
import { readFile } from '../lib/io.ts';
import { Ticker } from './common.ts';
import { listNames } from './walk.ts';

export const HZ = 100;

export interface Proc {
  pid: number;
  comm: string;
  state: string;
  ppid: number;
  pgrp: number;
  session: number;
  ttyNr: number;
  tpgid: number;
  flags: number;
  /** utime + stime, in clock ticks. */
  ticks: number;
  priority: number;
  nice: number;
  nlwp: number;
  /** Start time in ticks since boot. */
  start: number;
  vsize: number;
  rssPages: number;
  ruid: number;
  euid: number;
  rgid: number;
  egid: number;
  /** argv from /proc/<pid>/cmdline; empty for kernel threads. */
  argv: string[];
  wchan: string;
}

/** procps' dev-to-tty: the name ps shows in the TTY column, "?" without one. */
export function ttyName(nr: number): string {
  if (!nr) return '?';
  const maj = (nr >> 8) & 0xfff;
  const min = (nr & 0xff) | ((nr >> 12) & 0xfff00);
  if (maj === 4 && min < 64) return `tty${min}`;
  if (maj === 4) return `ttyS${min - 64}`;
  if (maj === 5 && min === 1) return 'console';
  if (maj === 5 && min === 0) return 'tty';
  if (maj >= 136 && maj <= 143) return `pts/${(maj - 136) * 256 + min}`;
  return '?';
}

/** Parse one /proc/<pid>/stat line (comm may hold spaces and parentheses). */
export function parseStat(line: string): Partial<Proc> | null {
  const open = line.indexOf('(');
  const close = line.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  const f = line.slice(close + 2).trim().split(/\s+/);
  const n = (i: number): number => Number(f[i] ?? 0);
  return {
    pid: Number(line.slice(0, open).trim()), comm: line.slice(open + 1, close), state: f[0] ?? '?', ppid: n(1), pgrp: n(2),
    session: n(3), ttyNr: n(4), tpgid: n(5), flags: n(6), ticks: n(11) + n(12), priority: n(15), nice: n(16), nlwp: n(17),
    start: n(19), vsize: n(20), rssPages: n(21),
  };
}

function statusIds(text: string, key: string): [number, number] {
  const m = new RegExp(`^${key}:\\s+(\\d+)\\s+(\\d+)`, 'm').exec(text);
  return m ? [Number(m[1]), Number(m[2])] : [0, 0];
}

/** Every process in /proc, in pid order. Vanished processes are skipped. */
export function* readProcs(): UserGen<Proc[]> {
  const names = yield* listNames('/proc');
  if (typeof names === 'number') return [];
  const pids = names.filter((n) => /^\d+$/.test(n)).map(Number).sort((a, b) => a - b);
  const out: Proc[] = [];
  const ticker = new Ticker(8, 2000);
  for (const pid of pids) {
    yield* ticker.tick();
    const stat = yield* readFile(`/proc/${pid}/stat`);
    if (typeof stat === 'number' || !stat) continue;
    const s = parseStat(stat);
    if (!s) continue;
    const status = yield* readFile(`/proc/${pid}/status`);
    const st = typeof status === 'string' ? status : '';
    const [ruid, euid] = statusIds(st, 'Uid');
    const [rgid, egid] = statusIds(st, 'Gid');
    const cmd = yield* readFile(`/proc/${pid}/cmdline`);
    const argv = typeof cmd === 'string' && cmd ? cmd.replace(/\0$/, '').split('\0') : [];
    const w = yield* readFile(`/proc/${pid}/wchan`);
    out.push({
      ...(s as Proc), ruid, euid, rgid, egid, argv, wchan: typeof w === 'string' && w !== '0' ? w.trim() : '',
    });
  }
  return out;
}

export type { IdNames } from './idnames.ts';
export { readIdNames } from './idnames.ts';

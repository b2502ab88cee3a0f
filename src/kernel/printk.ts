// kernel/printk: the log buffer with levels and virtual timestamps, console output for levels
// below console_loglevel, and the ratelimit of lib/ratelimit.c ("N callbacks suppressed").
import { KERN_WARNING } from '../uapi/resource.ts';
import type { Kernel } from './kernel.ts';
import { EV } from './trace.ts';

export interface LogRecord {
  seq: number;
  /** Virtual time, ns. */
  t: number;
  level: number;
  /** syslog facility: 0 for the kernel, 1 (user) for /dev/kmsg writes without one. */
  facility: number;
  text: string;
}

/** The log buffer is bounded like __LOG_BUF_LEN; oldest records go first. */
const LOG_MAX_RECORDS = 20000;

export class Printk {
  /**
   * The records, oldest first; at most LOG_MAX_RECORDS are ever seen. Writers append to `buf`
   * and drop the oldest in bulk, once per LOG_MAX_RECORDS lines rather than per line (a splice
   * per line copied the whole log); readers get it trimmed.
   */
  private buf: LogRecord[] = [];
  get records(): LogRecord[] {
    if (this.buf.length > LOG_MAX_RECORDS) this.buf.splice(0, this.buf.length - LOG_MAX_RECORDS);
    return this.buf;
  }
  set records(r: LogRecord[]) {
    this.buf = r;
  }
  /** printk()'s append. */
  append(rec: LogRecord): void {
    this.buf.push(rec);
    if (this.buf.length >= 2 * LOG_MAX_RECORDS) this.buf.splice(0, this.buf.length - LOG_MAX_RECORDS);
  }
  nextSeq = 0;
  /** /proc/sys/kernel/printk: console_loglevel default_message_loglevel minimum default. Debian sets 4 4 1 7. */
  consoleLoglevel = 4;
  defaultMessageLoglevel = 4;
  minimumConsoleLoglevel = 1;
  defaultConsoleLoglevel = 7;
  /** Index of the first record not yet read by SYSLOG_ACTION_READ_CLEAR/CLEAR. */
  clearSeq = 0;
  private readonly limits = new Map<string, { begin: number; printed: number; missed: number }>();
  /** pr_*_once state, by call site. */
  readonly once = new Set<string>();
}

/** printk(level, text): one record per line; levels below console_loglevel reach the console. */
export function printk(k: Kernel, level: number, text: string, facility = 0, src = 0): void {
  const p = k.printk;
  const lines = text.replace(/\n$/, '').split('\n');
  for (const line of lines) {
    const rec: LogRecord = { seq: p.nextSeq++, t: k.sched.now, level, facility, text: line };
    p.append(rec);
    const tr = k.trace;
    if (tr.begin(EV.printk, rec.t, k.sched.ctx(), src)) tr.i(level).s(line);
    if (level < p.consoleLoglevel) k.consoleWrite(`${formatTime(rec.t)} ${line}\n`);
    k.onPrintk(rec);
  }
}

/** "[    1.234567]" as CONFIG_PRINTK_TIME prints it. */
export function formatTime(ns: number): string {
  const us = Math.floor(ns / 1000);
  const s = Math.floor(us / 1e6);
  const frac = String(us % 1e6).padStart(6, '0');
  return `[${String(s).padStart(5, ' ')}.${frac}]`;
}

/** DEFAULT_RATELIMIT_INTERVAL (5 s) and DEFAULT_RATELIMIT_BURST (10) of include/linux/ratelimit.h. */
const RL_INTERVAL = 5e9, RL_BURST = 10;

/**
 * printk_ratelimited() at call site `site` inside function `func` (___ratelimit): at most 10 per
 * 5 s; when a new interval starts after drops, "func: N callbacks suppressed" comes first. `text`
 * is made only when it is printed, as printk_ratelimited() formats only after __ratelimit() said
 * yes: 92,000 refused requests on 6.6 made 92,000 strings for 10 lines.
 */
export function printkRatelimited(k: Kernel, site: string, func: string, level: number, text: () => string, src = 0): boolean {
  const p = k.printk;
  let rs = p['limits'].get(site);
  if (!rs) {
    rs = { begin: k.sched.now, printed: 0, missed: 0 };
    p['limits'].set(site, rs);
  }
  if (k.sched.now >= rs.begin + RL_INTERVAL) {
    if (rs.missed) printk(k, KERN_WARNING, `${func}: ${rs.missed} callbacks suppressed`);
    rs.begin = k.sched.now;
    rs.printed = 0;
    rs.missed = 0;
  }
  if (rs.printed < RL_BURST) {
    rs.printed++;
    printk(k, level, text(), 0, src);
    return true;
  }
  rs.missed++;
  return false;
}

/** pr_*_once(): print the first time only. */
export function printkOnce(k: Kernel, site: string, level: number, text: string): void {
  if (k.printk.once.has(site)) return;
  k.printk.once.add(site);
  printk(k, level, text);
}

/** Parse "<N>text" as /dev/kmsg and printk do; returns [level, facility, text]. */
export function parsePrefix(text: string, defaultLevel: number, defaultFacility: number): [number, number, string] {
  const m = /^<(\d+)>/.exec(text);
  if (!m) return [defaultLevel, defaultFacility, text];
  const v = Number(m[1]);
  return [v & 7, v >> 3, text.slice(m[0].length)];
}

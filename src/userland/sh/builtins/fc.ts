// bash's fc (builtins/fc.def) over the line editor's history: -l lists (-n without numbers, -r
// reversed; ranges by number, negative offset or prefix), -s [old=new] [cmd] re-runs a command,
// and the editing form writes the commands to a file, runs ${FCEDIT:-${EDITOR:-vi}} on it and
// runs what it holds. The current command line is already in the history when fc runs, as in
// bash, so the commands fc sees end before it.
// Simplified: the history file is not rewritten when fc replaces or deletes the last entry.
import type { UserGen } from '../../../uapi/syscalls.ts';
import { O_CREAT, O_TRUNC, O_WRONLY } from '../../../uapi/fcntl.ts';
import { close, getpid, open, unlink } from '../../lib/sys.ts';
import { readFile, writeAll } from '../../lib/io.ts';
import { ShError } from '../errors.ts';
import { evalstring } from '../evalstring.ts';
import { err2, out1, warnx } from '../output.ts';
import type { ShState } from '../state.ts';
import { lookupvar } from '../vars.ts';
import { register } from './table.ts';

const HIST_INVALID = -1e9, HIST_ERANGE = -1e9 - 1, HIST_NOTFOUND = -1e9 - 2;

function usage(msg: string): ShError {
  return Object.assign(new ShError(msg, 2), { bashStatus: 2, bashUsage: 'builtin' });
}

/** The index of the last command before this fc (last_hist), -1 when there is none. */
function lastHist(sh: ShState): number {
  return sh.history.length - 1 - (sh.opts.i && sh.histLastAdded ? 1 : 0);
}

/** fc_gethnum(): an index into sh.history for a number, negative offset or prefix. */
function gethnum(sh: ShState, spec: string | null, listing: boolean, first: boolean): number {
  const i = lastHist(sh);
  if (i < 0) return -1;
  if (spec === null) return i;
  const realLast = sh.history.length - 1;
  const m = /^(-?)(\d+)/.exec(spec);
  if (m) {
    const n = Number(m[2]) * (m[1] ? -1 : 1);
    if (n < 0) return Math.max(0, n + i + 1);
    if (n === 0) return m[1] ? (listing ? realLast : HIST_INVALID) : i;
    const k = n - 1 - sh.historyBase;
    if (k < 0 || k >= i) return first ? 0 : i;
    return k;
  }
  for (let j = i; j >= 0; j--) if (sh.history[j].startsWith(spec)) return j;
  return HIST_NOTFOUND;
}

/** fc_replhist(): the command takes the place of the fc line in the history. */
function replaceLast(sh: ShState, command: string): void {
  if (sh.opts.i && sh.histLastAdded) sh.history.pop();
  if (command !== '' && sh.history[sh.history.length - 1] !== command) sh.history.push(command);
  sh.histLastAdded = true;
}

function* fccmd(sh: ShState, argv: string[]): UserGen<number> {
  let i = 1;
  let flags = '';
  let ename: string | null = null;
  // internal_getopt, stopping at a (negative) number: `fc -l -3` is a range, not options.
  for (; i < argv.length && /^-./.test(argv[i]) && !/^-\d+$/.test(argv[i]); i++) {
    const a = argv[i];
    if (a === '--') { i++; break; }
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (c === 'e') {
        ename = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
        if (ename === undefined) throw usage('-e: option requires an argument');
        break;
      }
      if (!'lnrs'.includes(c)) throw usage(`-${c}: invalid option`);
      flags += c;
    }
  }
  const args = argv.slice(i);
  if (flags.includes('s') || ename === '-') {
    const subs: [string, string][] = [];
    while (args.length && args[0].includes('=')) {
      const w = args.shift()!;
      subs.push([w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]);
    }
    const k = sh.history.length ? gethnum(sh, args[0] ?? null, false, false) : -1;
    if (k < 0) {
      yield* warnx(sh, 'no command found');
      return 1;
    }
    let command = sh.history[k];
    // fc_dosubs(): each old=new replaces the first occurrence.
    for (const [p, r] of subs) if (p !== '' && command.includes(p)) command = command.replace(p, () => r);
    yield* err2(`${command}\n`);
    replaceLast(sh, command);
    return yield* evalstring(sh, command, 0);
  }
  if (!sh.history.length) return 0;
  const listing = flags.includes('l');
  const realLast = sh.history.length - 1;
  const last = Math.max(0, lastHist(sh));
  let beg: number, end: number;
  if (args.length) {
    beg = gethnum(sh, args[0], listing, true);
    if (args.length > 1) end = gethnum(sh, args[1], listing, false);
    else end = beg === realLast ? (listing ? realLast : beg) : listing ? last : beg;
  } else if (listing) {
    end = last;
    beg = Math.max(0, end - 15);
  } else beg = end = last;
  for (const v of [beg, end]) {
    if (v === HIST_INVALID || v === HIST_ERANGE) { yield* warnx(sh, 'history specification out of range'); return 1; }
    if (v === HIST_NOTFOUND) { yield* warnx(sh, 'no command found'); return 1; }
  }
  beg = Math.max(0, beg);
  end = Math.max(0, end);
  if (!listing && sh.opts.i && sh.histLastAdded) {
    // "When not listing, the fc command that caused the editing shall not be entered into the
    // history list."
    sh.history.pop();
    sh.histLastAdded = false;
    const top = sh.history.length - 1;
    if (end > top) end = top;
    if (beg > top) beg = top;
  }
  let reverse = flags.includes('r');
  if (end < beg) { [beg, end] = [end, beg]; reverse = true; }
  const lines: string[] = [];
  for (let k = reverse ? end : beg; reverse ? k >= beg : k <= end; k += reverse ? -1 : 1) {
    const h = sh.history[k];
    if (h === undefined) continue;
    if (!listing) lines.push(`${h}\n`);
    else {
      const num = flags.includes('n') ? '' : String(k + 1 + sh.historyBase);
      lines.push(`${num}${sh.opts.posix ? '\t' : '\t '}${h}\n`);
    }
  }
  if (listing) {
    out1(sh, lines.join(''));
    return 0;
  }
  return yield* editAndRun(sh, ename, lines.join(''));
}

/** Write the commands to a file, run the editor on it, then run the file, echoing its lines. */
function* editAndRun(sh: ShState, ename: string | null, text: string): UserGen<number> {
  const file = `${lookupvar(sh, 'TMPDIR') || '/tmp'}/bash-fc.${yield* getpid()}`;
  const fd = yield* open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o600);
  if (fd < 0) {
    yield* warnx(sh, `${file}: cannot open temp file: ${fd}`);
    return 1;
  }
  yield* writeAll(fd, text);
  yield* close(fd);
  const editor = ename ?? (sh.opts.posix ? '${FCEDIT:-${EDITOR:-ed}}' : '${FCEDIT:-${EDITOR:-vi}}');
  const saved = sh.commandname;
  sh.commandname = null;
  const st = yield* evalstring(sh, `${editor} ${file}`, 0);
  sh.commandname = saved;
  const edited = yield* readFile(file);
  yield* unlink(file);
  if (st !== 0 || typeof edited === 'number') return 1;
  // fc_execute_file() runs with echo_input_at_read: each line is echoed as it is read.
  for (const line of edited.split('\n').filter((l) => l !== '')) sh.history.push(line);
  yield* err2(edited);
  return yield* evalstring(sh, edited, 0);
}

register('fc', 'uB', fccmd);

// procps-ng 4 kill (src/kill.c + lib/signals.c): the first "-SIG" argument anywhere is the
// signal, then getopt "l::Ls:hVq:"; -l/-L list names; each pid is strtol'd ("failed to parse
// argument") and signalled, failures reported as "kill: (PID): strerror". Diagnostics carry
// argv[0] (glibc error()), the usage text the short name.
import { ESRCH } from '../../uapi/errno.ts';
import { SIGABRT, SIGCHLD, SIGIO, SIGTERM } from '../../uapi/signal.ts';
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { getoptLong } from '../text/getopt.ts';
import { kill as sysKill } from '../lib/sys.ts';
import { Output, baseName, warn, warnErrno } from './common.ts';
import { L } from './opts.ts';
import { strtol } from './strtod.ts';

// lib/signals.c's sigtable, sorted by name for bsearch (31 Linux signals, POLL for 29).
const SIGTABLE: [string, number][] = [
  ['ABRT', 6], ['ALRM', 14], ['BUS', 7], ['CHLD', 17], ['CONT', 18], ['FPE', 8], ['HUP', 1], ['ILL', 4], ['INT', 2],
  ['KILL', 9], ['PIPE', 13], ['POLL', 29], ['PROF', 27], ['PWR', 30], ['QUIT', 3], ['SEGV', 11], ['STKFLT', 16],
  ['STOP', 19], ['SYS', 31], ['TERM', 15], ['TRAP', 5], ['TSTP', 20], ['TTIN', 21], ['TTOU', 22], ['URG', 23],
  ['USR1', 10], ['USR2', 12], ['VTALRM', 26], ['WINCH', 28], ['XCPU', 24], ['XFSZ', 25],
];
const SIGRTMIN = 34;

/** signal_name_to_number(): -1 when it is none. */
export function signalNameToNumber(name: string): number {
  let n = name;
  if (/^sig/i.test(n)) n = n.slice(3);
  const up = n.toUpperCase();
  if (up === 'CLD') return SIGCHLD;
  if (up === 'IO') return SIGIO;
  if (up === 'IOT') return SIGABRT;
  const hit = SIGTABLE.find(([nm]) => nm === up);
  if (hit) return hit[1];
  if (up === 'RTMIN') return SIGRTMIN;
  if (up === 'EXIT' || up === 'NULL') return 0;
  let offset = 0;
  if (up.startsWith('RTMIN+')) {
    n = n.slice(6);
    offset = SIGRTMIN;
  }
  const r = strtol(n);
  if (r.end === 0 || r.end !== n.length) return -1;
  if (r.value + SIGRTMIN > 127) return -1;
  return r.value + offset;
}

export function signalNumberToName(signo: number): string {
  const s = signo & 0x7f;
  const hit = SIGTABLE.find(([, num]) => num === s);
  if (hit) return hit[0];
  if (s === SIGRTMIN) return 'RTMIN';
  return s ? `RTMIN+${s - SIGRTMIN}` : '0';
}

/** strtosig(): a number becomes its name, a name its number; null if neither. */
function strtosig(s: string): string | null {
  let p = s.toUpperCase();
  if (p.startsWith('SIG')) p = p.slice(3);
  let num = 0;
  if (/^\d/.test(p)) {
    const r = strtol(s);
    if (r.end === 0 || r.end !== s.length) return null;
    num = r.value;
  }
  if (num) return SIGTABLE.find(([, n]) => n === num)?.[0] ?? null;
  const hit = SIGTABLE.find(([nm]) => nm === p);
  return hit ? String(hit[1]) : null;
}

/** unix_print_signals(): names wrapped when the line passes 73 columns. */
export function unixSignalList(): string {
  let out = '';
  let pos = 0;
  for (let i = 1; i <= 31; i++) {
    if (i > 1) {
      if (pos > 73) {
        out += '\n';
        pos = 0;
      } else {
        out += ' ';
        pos++;
      }
    }
    const nm = signalNumberToName(i);
    out += nm;
    pos += nm.length;
  }
  return `${out}\n`;
}

export function prettySignalTable(): string {
  let out = '';
  for (let i = 1; i <= 31; i++) {
    const cell = `${String(i).padStart(2)} ${signalNumberToName(i)}`;
    out += i % 7 ? cell.padEnd(11) : `${cell}\n`;
  }
  return `${out}\n`;
}

function usage(short: string): string {
  return `\nUsage:\n ${short} [options] <pid> [...]\n\nOptions:\n` +
    ' <pid> [...]            send signal to every <pid> listed\n' +
    ' -<signal>, -s, --signal <signal>\n                        specify the <signal> to be sent\n' +
    ' -q, --queue <value>    integer value to be sent with the signal\n' +
    ' -l, --list=[<signal>]  list all signal names, or convert one to a name\n' +
    ' -L, --table            list all signal names in a nice table\n\n' +
    ' -h, --help     display this help and exit\n -V, --version  output version information and exit\n' +
    '\nFor more details see kill(1).\n';
}

const LONG = { list: L('l', 'optional'), table: L('L'), signal: L('s', 'required'), help: L('h'), version: L('V'), queue: L('q', 'required') };

export function* kill({ argv }: ProgramArgs): UserGen {
  const prog = argv[0];
  const out = new Output();
  const err = new Output(2);
  const short = baseName(prog);
  if (argv.length < 2) {
    yield* err.put(usage(short));
    return yield* err.finish(prog, 1);
  }
  const args = [...argv];
  let signo = -1;
  for (let i = 1; i < args.length; i++) {
    if (args[i][0] !== '-') continue;
    signo = signalNameToNumber(args[i].slice(1));
    if (signo > -1) {
      args.splice(i, 1);
      break;
    }
  }
  if (signo < 0) signo = SIGTERM;
  const pids: string[] = [];
  // getopt_long with opterr=0, option by option: the first -l/-L/-h/-V ends the program.
  for (let i = 1; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      pids.push(...args.slice(i + 1));
      break;
    }
    if (a[0] !== '-' || a === '-') {
      pids.push(a);
      continue;
    }
    const r = getoptLong(prog, ['kill', a, ...args.slice(i + 1)], { short: 'l::Ls:hVq:', long: LONG, stopAtOperand: true });
    if (!r.ok || !r.opts.length) {
      const ch = a.startsWith('--') ? '?' : a[1];
      if (/\d/.test(ch)) {
        // "Special case for signal digit negative PIDs": kill.c inverts the result here.
        const res = yield* sysKill(Number('0') - Number(ch), signo);
        return res === 0 ? 1 : 0;
      }
      // kill.c prints optopt with %c: 0 for an unknown long option, so a NUL byte goes out.
      yield* warn(prog, `invalid argument ${a.startsWith('--') ? '\0' : ch}`);
      yield* err.put(usage(short));
      return yield* err.finish(prog, 1);
    }
    const o = r.opts[0];
    // How many argv words the first option consumed (1, or 2 for "-s SIG").
    const used = o.value !== undefined && (a === `-${o.key}` || (a.startsWith('--') && !a.includes('='))) ? 2 : 1;
    switch (o.key) {
      case 'l': {
        const next = args[i + 1];
        const sig = o.value ?? (next !== undefined && next[0] !== '-' ? next : undefined);
        if (sig !== undefined) {
          const s = strtosig(sig);
          if (s) yield* out.put(`${s}\n`);
          else yield* warn(prog, `unknown signal name ${sig}`);
        } else yield* out.put(unixSignalList());
        return yield* out.finish(prog, 0);
      }
      case 'L':
        yield* out.put(prettySignalTable());
        return yield* out.finish(prog, 0);
      case 'h':
        yield* out.put(usage(short));
        return yield* out.finish(prog, 0);
      case 'V':
        yield* out.put('kill from procps-ng 4.0.2\n');
        return yield* out.finish(prog, 0);
      case 's': signo = signalNameToNumber(o.value ?? ''); break;
      default: break; // -q: sigqueue's value has nowhere to go here; the signal is sent alone
    }
    i += used - 1;
  }
  if (!pids.length) {
    yield* err.put(usage(short));
    return yield* err.finish(prog, 1);
  }
  let status = 0;
  for (const p of pids) {
    const r = strtol(p);
    if (r.end === 0 || r.end !== p.length || p.trim() === '') {
      yield* warn(prog, `failed to parse argument: '${p}'`);
      return 1;
    }
    const res = yield* sysKill(r.value, signo);
    if (res < 0) {
      yield* warnErrno(prog, `(${r.value})`, res === -ESRCH ? ESRCH : res);
      status = 1;
    }
  }
  return status;
}

// ulimit through getrlimit/setrlimit: dash's options and output (-a as "coredump(blocks) 0"),
// bash's in bash mode ("core file size (blocks, -c) 0", -u for processes).
import type { UserGen } from '../../../uapi/syscalls.ts';
import { strerror } from '../../../uapi/errno.ts';
import { RLIM_INFINITY } from '../../../uapi/resource.ts';
import { getrlimit, setrlimit } from '../../lib/sys.ts';
import { ShError } from '../errors.ts';
import { out1 } from '../output.ts';
import type { ShState } from '../state.ts';
import { NextOpt } from './nextopt.ts';
import { register } from './table.ts';

const LIMITS: [string, number, number, string][] = [
  ['time(seconds)', 0, 1, 't'], ['file(blocks)', 1, 512, 'f'], ['data(kbytes)', 2, 1024, 'd'],
  ['stack(kbytes)', 3, 1024, 's'], ['coredump(blocks)', 4, 512, 'c'], ['memory(kbytes)', 5, 1024, 'm'],
  ['locked memory(kbytes)', 8, 1024, 'l'], ['process', 6, 1, 'p'], ['nofiles', 7, 1, 'n'],
  ['vmemory(kbytes)', 9, 1024, 'v'], ['locks', 10, 1, 'w'], ['rtprio', 14, 1, 'r'],
];

/** bash's ulimit table: name, unit, option, resource, factor (RLIMIT numbers as Linux). */
const BASH_LIMITS: [string, string, string, number, number][] = [
  ['real-time non-blocking time', 'microseconds', 'R', 15, 1], ['core file size', 'blocks', 'c', 4, 512],
  ['data seg size', 'kbytes', 'd', 2, 1024], ['scheduling priority', '', 'e', 13, 1],
  ['file size', 'blocks', 'f', 1, 512], ['pending signals', '', 'i', 11, 1],
  ['max locked memory', 'kbytes', 'l', 8, 1024], ['max memory size', 'kbytes', 'm', 5, 1024],
  ['open files', '', 'n', 7, 1], ['pipe size', '512 bytes', 'p', -1, 1], ['POSIX message queues', 'bytes', 'q', 12, 1],
  ['real-time priority', '', 'r', 14, 1], ['stack size', 'kbytes', 's', 3, 1024], ['cpu time', 'seconds', 't', 0, 1],
  ['max user processes', '', 'u', 6, 1], ['virtual memory', 'kbytes', 'v', 9, 1024], ['file locks', '', 'x', 10, 1],
];

function* bashUlimit(sh: ShState, argv: string[]): UserGen<number> {
  let how = 3;
  let all = false;
  const which: string[] = [];
  let i = 1;
  for (; i < argv.length && /^-[A-Za-z]+$/.test(argv[i]); i++) {
    for (const c of argv[i].slice(1)) {
      if (c === 'H') how = 2;
      else if (c === 'S') how = 1;
      else if (c === 'a') all = true;
      else if (BASH_LIMITS.some((l) => l[2] === c)) which.push(c);
      else throw new ShError(`-${c}: invalid option`, 2);
    }
  }
  const show = (l: (typeof BASH_LIMITS)[number], lim: { cur: number; max: number } | null): string => {
    if (l[3] < 0) return '8';
    if (!lim) return 'unlimited';
    const v = how & 1 ? lim.cur : lim.max;
    return v === RLIM_INFINITY ? 'unlimited' : String(Math.floor(v / l[4]));
  };
  const get = function* (l: (typeof BASH_LIMITS)[number]): UserGen<{ cur: number; max: number } | null> {
    if (l[3] < 0) return null;
    const r = yield* getrlimit(l[3]);
    return typeof r === 'number' ? null : r;
  };
  if (all) {
    for (const l of BASH_LIMITS) {
      // bash's printone(): printf("%-20s %20s", description, "(units, -x) ").
      const unit = l[1] ? `(${l[1]}, -${l[2]}) ` : `(-${l[2]}) `;
      out1(sh, `${l[0].padEnd(20)} ${unit.padStart(20)}${show(l, yield* get(l))}\n`);
    }
    return 0;
  }
  const l = BASH_LIMITS.find((x) => x[2] === (which[0] ?? 'f'))!;
  const arg = argv[i];
  if (arg === undefined) {
    out1(sh, `${show(l, yield* get(l))}\n`);
    return 0;
  }
  let val: number;
  if (arg === 'unlimited') val = RLIM_INFINITY;
  else if (/^[0-9]+$/.test(arg)) val = Number(arg) * l[4];
  else throw new ShError(`${arg}: invalid number`, 1);
  const lim = yield* get(l);
  if (!lim) return 0;
  const nl = { cur: how & 1 ? val : lim.cur, max: how & 2 ? val : lim.max };
  const e = yield* setrlimit(l[3], nl);
  if (e < 0) throw new ShError(`${l[0].replace(/ .*/, '')} limit: cannot modify limit: ${strerror(-e)}`, 1);
  return 0;
}

function* ulimitcmd(sh: ShState, argv: string[]): UserGen<number> {
  if (sh.bash) return yield* bashUlimit(sh, argv);
  const o = new NextOpt(argv);
  let how = 3;
  let all = false;
  let what = 'f';
  // Debian's dash 0.5.12 takes -r (RLIMIT_RTPRIO) as well as the letters of its limits table.
  for (let c; (c = o.next('HSatfdscmlpnvwr'));) {
    if (c === 'H') how = 2;
    else if (c === 'S') how = 1;
    else if (c === 'a') all = true;
    else what = c;
  }
  const l = LIMITS.find((x) => x[3] === what)!;
  const args = o.rest();
  let val = 0;
  const set = args.length > 0;
  if (set) {
    if (all || args.length > 1) throw new ShError('too many arguments');
    if (args[0] === 'unlimited') val = RLIM_INFINITY;
    else {
      if (!/^[0-9]*$/.test(args[0])) throw new ShError('bad number');
      val = Number(args[0] || '0') * l[2];
    }
  }
  const show = (lim: { cur: number; max: number }, x: typeof l): string => {
    const v = how & 1 ? lim.cur : lim.max;
    return v === RLIM_INFINITY ? 'unlimited\n' : `${Math.floor(v / x[2])}\n`;
  };
  if (all) {
    for (const x of LIMITS) {
      const lim = yield* getrlimit(x[1]);
      if (typeof lim === 'number') continue;
      out1(sh, `${x[0].padEnd(20)} ${show(lim, x)}`);
    }
    return 0;
  }
  const lim = yield* getrlimit(l[1]);
  if (typeof lim === 'number') throw new ShError(`error getting limit (${strerror(-lim)})`);
  if (set) {
    const nl = { cur: lim.cur, max: lim.max };
    if (how & 2) nl.max = val;
    if (how & 1) nl.cur = val;
    const e = yield* setrlimit(l[1], nl);
    if (e < 0) throw new ShError(`error setting limit (${strerror(-e)})`);
  } else out1(sh, show(lim, l));
  return 0;
}

register('ulimit', 'u', ulimitcmd);

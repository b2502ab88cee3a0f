// libcap 2.66 capsh: arguments processed in order — --drop=CAP[,CAP] drops from the bounding
// set (prctl PR_CAPBSET_DROP), --print shows the state, "--" execs the shell (/bin/bash, with
// argv[0] the shell's path, as capsh's execve(argv[i], argv+i) does) with the remaining
// arguments. Securebits and ambient capabilities are read with prctl and reported unsupported
// when the kernel refuses them, as capsh does on old kernels.
import { CAP_LAST_CAP, CAP_NAMES, PR_CAPBSET_DROP, PR_CAPBSET_READ } from '../../uapi/resource.ts';
import type { CapData, ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { readFile, writeAll } from '../lib/io.ts';
import { capget, execve, getgid, geteuid, getuid, prctl } from '../lib/sys.ts';
import { Output } from './common.ts';

const PR_GET_KEEPCAPS = 7, PR_GET_SECUREBITS = 27, PR_GET_NO_NEW_PRIVS = 39, PR_CAP_AMBIENT = 47, PR_CAP_AMBIENT_IS_SET = 1;
const LIBCAP_EFF = 1, LIBCAP_INH = 2, LIBCAP_PER = 4;

const USAGE_LINES = ['  --addamb=xxx   add xxx,... capabilities to ambient set', '  --cap-uid=<n>  use libcap cap_setuid() to change uid',
  '  --caps=xxx     set caps as per cap_from_text()', '  --chroot=path  chroot(2) to this path', '  --current      show current caps and IAB vectors',
  '  --decode=xxx   decode a hex string to a list of caps', '  --delamb=xxx   remove xxx,... capabilities from ambient',
  '  --drop=xxx     drop xxx,... caps from bounding set', '  --explain=xxx  explain what capability xxx permits',
  '  --forkfor=<n>  fork and make child sleep for <n> sec', '  --gid=<n>      set gid to <n> (hint: id <username>)',
  '  --groups=g,... set the supplemental groups', '  --has-a=xxx    exit 1 if capability xxx not ambient',
  '  --has-b=xxx    exit 1 if capability xxx not dropped', '  --has-ambient  exit 1 unless ambient vector supported',
  '  --has-i=xxx    exit 1 if capability xxx not inheritable', '  --has-p=xxx    exit 1 if capability xxx not permitted',
  '  --has-no-new-privs  exit 1 if privs not limited', "  --help, -h     this message (or try 'man capsh')",
  '  --iab=...      use cap_iab_from_text() to set iab', '  --inh=xxx      set xxx,.. inheritable set',
  '  --inmode=<xxx> exit 1 if current mode is not <xxx>', '  --is-uid=<n>   exit 1 if uid != <n>', '  --is-gid=<n>   exit 1 if gid != <n>',
  '  --keep=<n>     set keep-capability bit to <n>', '  --killit=<n>   send signal(n) to child', '  --license      display license info',
  '  --mode         display current libcap mode', '  --mode=<xxx>   set libcap mode to <xxx>', '  --modes        list libcap named modes',
  '  --no-new-privs set sticky process privilege limiter', '  --noamb        reset (drop) all ambient capabilities',
  '  --noenv        no fixup of env vars (for --user)', '  --print        display capability relevant state',
  '  --quiet        if first argument skip max cap check', '  --secbits=<n>  write a new value for securebits',
  '  --shell=/xx/yy use /xx/yy instead of /bin/bash for --', '  --strict       toggle --caps, --drop and --inh fixups',
  '  --suggest=text search cap descriptions for text', '  --supports=xxx exit 1 if capability xxx unsupported',
  '  --uid=<n>      set uid to <n> (hint: id <username>)', '  --user=<name>  set uid,gid and groups to that of user',
  '  ==             re-exec(capsh) with args as for --', '  =+             cap_launch capsh with args as for -+',
  '  --             remaining arguments are for /bin/bash', '  -+             cap_launch /bin/bash with remaining args'];

/** cap_from_name(): "cap_sys_module", "CAP_SYS_MODULE" or a number; null if unknown. */
export function capFromName(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const lower = s.toLowerCase();
  for (const [n, name] of Object.entries(CAP_NAMES)) if (name === lower) return Number(n);
  return null;
}

const capName = (c: number): string => CAP_NAMES[c] ?? String(c);

/** cap_to_text(): the most common e/i/p combination as "=flags", then the exceptions. */
export function capToText(d: CapData): string {
  const flags = (c: number): number => (d.effective.includes(c) ? LIBCAP_EFF : 0) | (d.inheritable.includes(c) ? LIBCAP_INH : 0) | (d.permitted.includes(c) ? LIBCAP_PER : 0);
  const fl = (m: number): string => `${m & LIBCAP_EFF ? 'e' : ''}${m & LIBCAP_INH ? 'i' : ''}${m & LIBCAP_PER ? 'p' : ''}`;
  const histo = new Array<number>(8).fill(0);
  for (let c = 0; c <= CAP_LAST_CAP; c++) histo[flags(c)]++;
  let m = 7;
  for (let t = 6; t >= 0; t--) if (histo[t] >= histo[m]) m = t;
  let base = `=${fl(m)}`;
  let rest = '';
  for (let t = 7; t >= 0; t--) {
    if (t === m || !histo[t]) continue;
    const names: string[] = [];
    for (let c = 0; c <= CAP_LAST_CAP; c++) if (flags(c) === t) names.push(capName(c));
    rest += ` ${names.join(',')}`;
    const add = t & ~m;
    if (add) {
      let op = '+';
      if (base === '=' && rest.startsWith(' ')) {
        // "= foo,...+eip" is written "foo,...=eip".
        base = '';
        rest = rest.slice(1);
        op = '=';
      }
      rest += `${op}${fl(add)}`;
    }
    const del = ~t & m;
    if (del) rest += `-${fl(del)}`;
  }
  return base + rest;
}

function* ids(file: string): UserGen<Map<number, string>> {
  const t = yield* readFile(file);
  const m = new Map<number, string>();
  if (typeof t === 'string') for (const l of t.split('\n')) { const f = l.split(':'); if (f.length > 2 && !m.has(Number(f[2]))) m.set(Number(f[2]), f[0]); }
  return m;
}

function* printState(out: Output): UserGen<void> {
  const caps = yield* capget(0);
  yield* out.put(`Current: ${typeof caps === 'number' ? '' : capToText(caps)}\n`);
  const bound: string[] = [];
  const dropped: number[] = [];
  let c = 0;
  for (;; c++) {
    const r = yield* prctl(PR_CAPBSET_READ, c);
    if (typeof r !== 'number' || r < 0) break;
    if (r) bound.push(capName(c));
    else dropped.push(c);
  }
  yield* out.put(`Bounding set =${c ? bound.join(',') : ' <unsupported>'}\n`);
  const amb = yield* prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET);
  yield* out.put(`Ambient set =${typeof amb === 'number' && amb < 0 ? ' <unsupported>' : ''}\n`);
  const inh = typeof caps === 'number' ? [] : caps.inheritable;
  const iab = [...new Set([...dropped, ...inh])].sort((a, b) => a - b)
    .map((x) => `${dropped.includes(x) ? '!' : ''}${dropped.includes(x) && inh.includes(x) ? '%' : ''}${capName(x)}`);
  yield* out.put(`Current IAB: ${iab.join(',')}\n`);
  const sec = yield* prctl(PR_GET_SECUREBITS, 0);
  const secbits = typeof sec === 'number' ? sec : -1;
  if (secbits >= 0) {
    const nnp = yield* prctl(PR_GET_NO_NEW_PRIVS, 0);
    const b = secbits.toString(2);
    yield* out.put(`Securebits: 0${secbits.toString(8)}/0x${secbits.toString(16)}/${b.length}'b${b} (no-new-privs=${typeof nnp === 'number' && nnp > 0 ? nnp : 0})\n`);
    const bit = (n: number): string => `${secbits & (1 << n) ? 'yes' : 'no'} (${secbits & (1 << (n + 1)) ? 'locked' : 'unlocked'})`;
    yield* out.put(` secure-noroot: ${bit(0)}\n secure-no-suid-fixup: ${bit(2)}\n secure-keep-caps: ${bit(4)}\n`);
    if (!(typeof amb === 'number' && amb < 0)) yield* out.put(` secure-no-ambient-raise: ${bit(6)}\n`);
  } else {
    yield* out.put('[Securebits ABI not supported]\n');
    const keep = yield* prctl(PR_GET_KEEPCAPS, 0);
    yield* out.put(typeof keep === 'number' && keep >= 0 ? ` prctl-keep-caps: ${keep ? 'yes' : 'no'} (locking not supported)\n` : '[Keepcaps ABI not supported]\n');
  }
  const users = yield* ids('/etc/passwd');
  const groups = yield* ids('/etc/group');
  const uid = yield* getuid();
  const euid = yield* geteuid();
  const gid = yield* getgid();
  yield* out.put(`uid=${uid}(${users.get(uid) ?? '???'}) euid=${euid}(${users.get(euid) ?? '???'})\ngid=${gid}(${groups.get(gid) ?? '???'})\ngroups=\n`);
  // cap_get_mode(): no securebits at all is HYBRID; unreadable ones leave the mode uncertain.
  yield* out.put(secbits === 0 ? 'Guessed mode: HYBRID (4)\n' : 'Guessed mode: UNCERTAIN (0)\n');
}

export function* capsh({ argv, envp }: ProgramArgs): UserGen {
  const out = new Output();
  let shell = '/bin/bash';
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--drop=')) {
      for (const name of a.slice(7).split(',').filter(Boolean)) {
        const cap = capFromName(name);
        if (cap === null) {
          yield* out.flush();
          yield* writeAll(2, `capability [${name}] is unknown to libcap\n`);
          return 1;
        }
        const r = yield* prctl(PR_CAPBSET_DROP, cap);
        if (typeof r === 'number' && r < 0) {
          yield* out.flush();
          yield* writeAll(2, `failed to drop [${name}=${cap}]\n`);
          return 1;
        }
      }
    } else if (a === '--print') yield* printState(out);
    else if (a === '--current') {
      const caps = yield* capget(0);
      yield* out.put(`Current: ${typeof caps === 'number' ? '' : capToText(caps)}\n`);
    } else if (a.startsWith('--shell=')) shell = a.slice(8);
    else if (a.startsWith('--has-p=') || a.startsWith('--has-b=') || a.startsWith('--has-i=')) {
      const cap = capFromName(a.slice(8));
      if (cap === null) {
        yield* out.flush();
        yield* writeAll(2, `cap[${a.slice(8)}] not recognized by library\n`);
        return 1;
      }
      if (a[6] === 'b') {
        const r = yield* prctl(PR_CAPBSET_READ, cap);
        if (r !== 0) {
          yield* out.flush();
          yield* writeAll(2, `cap[${a.slice(8)}] raised in bounding vector\n`);
          return 1;
        }
      } else {
        const caps = yield* capget(0);
        const set = typeof caps === 'number' ? [] : a[6] === 'p' ? caps.permitted : caps.inheritable;
        if (!set.includes(cap)) {
          yield* out.flush();
          yield* writeAll(2, `cap[${a.slice(8)}] not ${a[6] === 'p' ? 'permitted' : 'inheritable'}\n`);
          return 1;
        }
      }
    } else if (a === '--' || a === '==') {
      yield* out.flush();
      const path = a === '--' ? shell : '/sbin/capsh';
      const r = yield* execve(path, [path, ...argv.slice(i + 1)], envp);
      void r;
      yield* writeAll(2, `execve '${path}' failed!\n`);
      return 1;
    } else {
      const help = argv[1] === '--help' || argv[1] === '-h';
      yield* out.put(`usage: ${argv[0]} [args ...]\n${USAGE_LINES.join('\n')}\n                 (without -- [${argv[0]}] will simply exit(0))\n`);
      return yield* out.finish(argv[0], help ? 0 : 1);
    }
  }
  return yield* out.finish(argv[0], 0);
}

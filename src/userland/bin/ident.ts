// GNU uname and id 9.1. Names come from /etc/passwd and /etc/group as glibc's files backend reads
// them; supplementary groups are not modelled (the kernel has none), so groups = the primary gid.
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { readFile } from '../lib/io.ts';
import { parseIdFile } from './idnames.ts';
import { getegid, geteuid, getgid, getuid, uname as sysUname } from '../lib/sys.ts';
import { Output, tryHelp, warn } from './common.ts';
import { L, parseArgs } from './opts.ts';
import { quoteC } from './quote.ts';

const UNAME_LONG = {
  all: L('a'), 'kernel-name': L('s'), sysname: L('s'), nodename: L('n'), 'kernel-release': L('r'), release: L('r'),
  'kernel-version': L('v'), machine: L('m'), processor: L('p'), 'hardware-platform': L('i'), 'operating-system': L('o'),
};

export function* uname({ argv }: ProgramArgs): UserGen {
  const p = yield* parseArgs(argv, { short: 'asnrvmpio', long: UNAME_LONG }, { name: 'uname' });
  if ('exit' in p) return p.exit;
  if (p.operands.length) {
    yield* warn(argv[0], `extra operand ${quoteC(p.operands[0])}`);
    yield* tryHelp(argv[0]);
    return 1;
  }
  const want = new Set<string>();
  let all = false;
  for (const o of p.opts) {
    if (o.key === 'a') all = true;
    else want.add(o.key);
  }
  if (!want.size && !all) want.add('s');
  const u = yield* sysUname();
  // -a prints everything but -p and -i, which are "unknown" on Linux and so omitted.
  const fields: [string, string][] = [['s', u.sysname], ['n', u.nodename], ['r', u.release], ['v', u.version],
    ['m', u.machine], ['p', 'unknown'], ['i', 'unknown'], ['o', 'GNU/Linux']];
  const parts = fields.filter(([k]) => want.has(k) || (all && k !== 'p' && k !== 'i')).map(([, v]) => v);
  const out = new Output();
  yield* out.put(`${parts.join(' ')}\n`);
  return yield* out.finish(argv[0], 0);
}

interface Account { name: string; uid: number; gid: number }

function* passwd(): UserGen<Account[]> {
  const t = yield* readFile('/etc/passwd');
  if (typeof t === 'number') return [];
  return t.split('\n').filter(Boolean).map((l) => l.split(':')).map((f) => ({ name: f[0], uid: Number(f[2]), gid: Number(f[3]) }));
}

function* groups(): UserGen<Map<number, string>> {
  return parseIdFile(yield* readFile('/etc/group'));
}

export function* id({ argv }: ProgramArgs): UserGen {
  const p = yield* parseArgs(argv, { short: 'agnruzGZ', long: { context: L('Z'), group: L('g'), groups: L('G'), name: L('n'), real: L('r'), user: L('u'), zero: L('z') } },
    { name: 'id' });
  if ('exit' in p) return p.exit;
  const f = new Set(p.opts.map((o) => o.key));
  const only = ['u', 'g', 'G'].filter((k) => f.has(k)).length;
  if (only > 1) {
    yield* warn(argv[0], 'cannot print "only" of more than one choice');
    return 1;
  }
  if (f.has('Z')) {
    yield* warn(argv[0], '--context (-Z) works only on an SELinux-enabled kernel');
    return 1;
  }
  if ((f.has('n') || f.has('r')) && !only) {
    yield* warn(argv[0], 'cannot print only names or real IDs in default format');
    return 1;
  }
  if (f.has('z') && !only) {
    yield* warn(argv[0], 'option --zero not permitted in default format');
    return 1;
  }
  const users = yield* passwd();
  const gnames = yield* groups();
  const out = new Output();
  let status = 0;
  const targets = p.operands.length ? p.operands : [null];
  for (const who of targets) {
    let ruid: number, euid: number, rgid: number, egid: number;
    if (who === null) {
      ruid = yield* getuid();
      euid = yield* geteuid();
      rgid = yield* getgid();
      egid = yield* getegid();
    } else {
      const acct = users.find((a) => a.name === who) ?? (/^\+?\d+$/.test(who) ? users.find((a) => a.uid === Number(who)) : undefined);
      if (!acct) {
        yield* warn(argv[0], `${quoteC(who)}: no such user`);
        status = 1;
        continue;
      }
      ruid = euid = acct.uid;
      rgid = egid = acct.gid;
    }
    const uname = (u: number): string => users.find((a) => a.uid === u)?.name ?? String(u);
    const gname = (g: number): string => gnames.get(g) ?? String(g);
    const nl = f.has('z') ? '\0' : '\n';
    if (f.has('u')) yield* out.put(`${f.has('n') ? uname(f.has('r') ? ruid : euid) : f.has('r') ? ruid : euid}${nl}`);
    else if (f.has('g')) yield* out.put(`${f.has('n') ? gname(f.has('r') ? rgid : egid) : f.has('r') ? rgid : egid}${nl}`);
    else if (f.has('G')) {
      const gs = rgid === egid ? [rgid] : [rgid, egid];
      yield* out.put(`${gs.map((g) => (f.has('n') ? gname(g) : String(g))).join(f.has('z') ? '\0' : ' ')}${nl}`);
    } else {
      const name = (n: number, nm: string): string => (nm === String(n) ? `${n}` : `${n}(${nm})`);
      let line = `uid=${name(ruid, uname(ruid))} gid=${name(rgid, gname(rgid))}`;
      if (euid !== ruid) line += ` euid=${name(euid, uname(euid))}`;
      if (egid !== rgid) line += ` egid=${name(egid, gname(egid))}`;
      line += ` groups=${name(rgid, gname(rgid))}`;
      yield* out.put(`${line}\n`);
    }
  }
  return yield* out.finish(argv[0], status);
}

// hostname 3.23 (Debian's own package): prints the kernel's nodename (gethostname() is uname()),
// sets it with sethostname(), and derives -s/-f/-d/-i/-a from it. Name lookups go through
// /etc/hosts only: there is no DNS here, so a name /etc/hosts lacks cannot be resolved.
import { EINVAL, EPERM, strerror } from '../../uapi/errno.ts';
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { readFile, writeAll } from '../lib/io.ts';
import { sethostname, uname } from '../lib/sys.ts';
import { Output } from './common.ts';
import { L, getoptUntilExit, helpText } from './opts.ts';

const LONG = {
  alias: L('a'), 'all-fqdns': L('A'), boot: L('b'), domain: L('d'), fqdn: L('f'), long: L('f'), file: L('F', 'required'),
  'ip-address': L('i'), 'all-ip-addresses': L('I'), short: L('s'), yp: L('y'), nis: L('y'), help: L('h'), version: L('V'),
};

/** check_name(): labels of letters, digits and inner hyphens, joined by single dots. */
const validName = (n: string): boolean => /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(n);

/** getaddrinfo() over /etc/hosts: the addresses and names of the lines naming `name`. */
function* lookup(name: string): UserGen<{ addrs: string[]; canon: string; aliases: string[] } | null> {
  const t = yield* readFile('/etc/hosts');
  if (typeof t === 'number') return null;
  let found: { addrs: string[]; canon: string; aliases: string[] } | null = null;
  for (const raw of t.split('\n')) {
    const f = raw.replace(/#.*/, '').trim().split(/\s+/);
    if (f.length < 2 || !f.slice(1).includes(name)) continue;
    if (!found) found = { addrs: [], canon: f[1], aliases: f.slice(2) };
    if (!found.addrs.includes(f[0])) found.addrs.push(f[0]);
  }
  return found;
}

export function* hostname({ argv }: ProgramArgs): UserGen {
  const usage = function* (fd: number): UserGen<number> {
    yield* writeAll(fd, helpText('hostname'));
    return 255;
  };
  const r = getoptUntilExit('hostname', argv, { short: 'aAbdfF:hiIsVy', long: LONG }, ['h', 'V']);
  if (!r.ok) {
    yield* writeAll(2, r.message);
    return yield* usage(1);
  }
  let mode = '', file: string | undefined;
  for (const o of r.opts) {
    if (o.key === 'h') return yield* usage(1);
    if (o.key === 'V') {
      yield* writeAll(1, 'hostname 3.23\n');
      return 0;
    }
    if (o.key === 'F') file = o.value;
    else if (o.key !== 'b') mode = o.key;
  }
  if (r.operands.length > 1 || (file !== undefined && r.operands.length)) return yield* usage(2);
  let newName: string | undefined = r.operands[0];
  if (file !== undefined) {
    const t = yield* readFile(file);
    if (typeof t === 'number') {
      yield* writeAll(2, `hostname: ${strerror(-t)}\n`);
      return 1;
    }
    // The first line that is not a comment, without its blanks.
    newName = t.split('\n').map((l) => l.trim()).find((l) => l !== '' && !l.startsWith('#'));
    if (newName === undefined) return 1;
  }
  if (newName !== undefined) {
    if (!validName(newName)) {
      yield* writeAll(2, 'hostname: the specified hostname is invalid\n');
      return 1;
    }
    const e = yield* sethostname(newName);
    if (e < 0) {
      if (e === -EPERM) yield* writeAll(2, 'hostname: you must be root to change the host name\n');
      else if (e === -EINVAL) yield* writeAll(2, 'hostname: name too long\n');
      return 1;
    }
    return 0;
  }
  const u = yield* uname();
  const out = new Output();
  if (mode === 'y') {
    // getdomainname() gives "(none)" when unset; hostname says so on standard output.
    if (!u.domainname || u.domainname === '(none)') {
      yield* out.put('hostname: Local domain name not set\n');
      return yield* out.finish('hostname', 1);
    }
    yield* out.put(`${u.domainname}\n`);
  } else if (mode === '' || mode === 's') {
    yield* out.put(`${mode === 's' ? u.nodename.split('.')[0] : u.nodename}\n`);
  } else if (mode === 'I') {
    yield* out.put('\n');
  } else {
    const h = yield* lookup(u.nodename);
    if (!h) {
      yield* writeAll(2, 'hostname: Name or service not known\n');
      return 1;
    }
    if (mode === 'f' || mode === 'A') yield* out.put(`${h.canon}\n`);
    else if (mode === 'd') {
      const dot = h.canon.indexOf('.');
      if (dot >= 0) yield* out.put(`${h.canon.slice(dot + 1)}\n`);
    } else if (mode === 'i') yield* out.put(`${h.addrs.join(' ')}\n`);
    else if (mode === 'a') yield* out.put(`${h.aliases.join(' ')}\n`);
  }
  return yield* out.finish('hostname', 0);
}

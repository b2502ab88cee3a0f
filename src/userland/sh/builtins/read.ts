// read [-r] [-p prompt] var..., after dash's readcmd(): one byte at a time from fd 0 (so the
// rest of the input stays for the next reader), backslash escapes and line continuation unless
// -r, NUL bytes skipped, then dash's ifsbreakup() with a field limit: the last variable takes
// the rest of the line minus trailing IFS whitespace. Status 1 at end of input. bash adds
// -n N, -s, -d delim and REPLY.
import type { UserGen } from '../../../uapi/syscalls.ts';
import { EBADF, EINTR } from '../../../uapi/errno.ts';
import { ECHO } from '../../../uapi/termios.ts';
import { alarm, fstat, read, sigaction, tcgetattr, tcsetattr } from '../../lib/sys.ts';
import { SIGALRM } from '../../../uapi/signal.ts';
import { S_ISREG } from '../../../uapi/fcntl.ts';
import type { SigAction } from '../../../uapi/syscalls.ts';
import { assignArray } from '../basharray.ts';
import { ShError } from '../errors.ts';
import { err2 } from '../output.ts';
import type { ShState } from '../state.ts';
import { lookupvar, setvar } from '../vars.ts';
import { NextOpt } from './nextopt.ts';
import { register } from './table.ts';

const DEFIFS = ' \t\n';

/** ifsbreakup() with maxargs, over the line's characters; esc marks backslash-quoted ones. */
export function readSplit(chars: string, esc: boolean[], ifs: string, maxargs: number): string[] {
  const fields: string[] = [];
  let start = 0;
  let r = -1;
  let ifsspc = false;
  let inRegion = false;
  for (let p = 0; p < chars.length; p++) {
    if (esc[p]) {
      inRegion = false;
      continue;
    }
    if (!inRegion) {
      inRegion = true;
      ifsspc = false;
    }
    let q = p;
    const c = chars[p];
    let isifs = ifs.includes(c);
    const isdefifs = isifs && DEFIFS.includes(c);
    if (!maxargs) {
      if (isdefifs) {
        if (r < 0) r = q;
        continue;
      }
      if (!(isifs && ifsspc)) r = -1;
      ifsspc = false;
      continue;
    }
    if (ifsspc) {
      if (isifs) q = p + 1;
      start = q;
      if (isdefifs) continue;
      isifs = false;
    }
    if (isifs) {
      ifsspc = isdefifs;
      if (q === start && ifsspc) {
        start = p + 1;
        ifsspc = false;
        continue;
      }
      if (maxargs > 0 && !--maxargs) {
        r = q;
        continue;
      }
      fields.push(chars.slice(start, q));
      start = p + 1;
      continue;
    }
    ifsspc = false;
  }
  const end = r >= 0 ? r : chars.length;
  if (start < end) fields.push(chars.slice(start, end));
  return fields;
}

function* readcmd(sh: ShState, argv: string[]): UserGen<number> {
  const o = new NextOpt(argv);
  let rflag = false;
  let prompt: string | null = null;
  let nchars = -1;
  let delim = '\n';
  let silent = false;
  let arrayName: string | null = null;
  let fd = 0;
  let timeout: number | null = null;
  for (let c; (c = o.next(sh.bash ? 'p:rn:N:sd:t:a:u:ei:' : 'p:r'));) {
    if (c === 'p') prompt = o.optarg;
    else if (c === 'r') rflag = true;
    else if (c === 'n' || c === 'N') nchars = Number(o.optarg);
    else if (c === 'd') delim = o.optarg[0] ?? '\0';
    else if (c === 's') silent = true;
    else if (c === 'a') arrayName = o.optarg;
    else if (c === 't') {
      timeout = Number(o.optarg);
      if (!/^\d*\.?\d+$|^\d+\.$/.test(o.optarg)) throw new ShError(`${o.optarg}: invalid timeout specification`, 1);
    }
    else if (c === 'u') {
      fd = Number(o.optarg);
      if (!/^\d+$/.test(o.optarg)) throw new ShError(`${o.optarg}: invalid file descriptor specification`, 1);
    }
  }
  const tty = yield* tcgetattr(fd);
  if (prompt !== null && typeof tty !== 'number') yield* err2(prompt);
  let names = o.rest();
  if (!names.length) {
    if (!sh.bash) throw new ShError('arg count');
    names = ['REPLY'];
  }
  if (timeout === 0) {
    // read -t 0: is input available? Without poll(), only a regular file surely has some.
    const st = yield* fstat(fd);
    return typeof st !== 'number' && S_ISREG(st.mode) ? 0 : 1;
  }
  // read -t N: SIGALRM (whole seconds: the kernel has alarm() only) interrupts the read.
  let timedOut = false;
  let oldAlrm: SigAction | number | null = null;
  if (timeout !== null) {
     
    oldAlrm = yield* sigaction(SIGALRM, { handler: function* () { timedOut = true; }, mask: 0, flags: 0 });
    yield* alarm(Math.ceil(timeout));
  }
  if (silent && typeof tty !== 'number') yield* tcsetattr(fd, { ...tty, lflag: tty.lflag & ~ECHO });
  let status = 0;
  let chars = '';
  const esc: boolean[] = [];
  try {
    let backslash = false;
    let count = 0;
    for (;;) {
      if (nchars >= 0 && count >= nchars) break;
      const r = yield* read(fd, 1);
      if (r === -EINTR && timedOut) {
        status = 128 + SIGALRM;
        break;
      }
      if (r === -EINTR && !sh.pendingSig) continue;
      // dash's readcmd() takes a failed read() (a closed fd) as the end of the input.
      if (r === -EBADF && sh.bash) throw new ShError(`${fd}: invalid file descriptor: Bad file descriptor`, 1);
      if (typeof r === 'number' || r.length === 0) {
        status = 1;
        break;
      }
      const c = r;
      if (c === '\0' && delim !== '\0') continue;
      count++;
      if (backslash) {
        backslash = false;
        if (c === '\n') continue;
        chars += c;
        esc.push(true);
        continue;
      }
      if (!rflag && c === '\\') {
        backslash = true;
        continue;
      }
      if (c === delim) break;
      chars += c;
      esc.push(false);
    }
  } finally {
    if (silent && typeof tty !== 'number') yield* tcsetattr(fd, tty);
    if (timeout !== null) {
      yield* alarm(0);
      if (oldAlrm !== null && typeof oldAlrm !== 'number') yield* sigaction(SIGALRM, oldAlrm);
    }
  }
  const ifs = lookupvar(sh, 'IFS') ?? DEFIFS;
  if (arrayName !== null) {
    assignArray(sh, arrayName, readSplit(chars, esc, ifs, -1).map((value) => ({ key: null, value })), false);
    return status;
  }
  if (sh.bash && names.length === 1 && names[0] === 'REPLY' && o.rest().length === 0) {
    setvar(sh, 'REPLY', chars);
    return status;
  }
  const fields = readSplit(chars, esc, ifs, names.length);
  names.forEach((n, i) => setvar(sh, n, fields[i] ?? ''));
  return status;
}

/** bash mapfile/readarray [-d delim] [-n count] [-O origin] [-s count] [-t] [-u fd] [array]. */
function* mapfilecmd(sh: ShState, argv: string[]): UserGen<number> {
  const o = new NextOpt(argv);
  let delim = '\n';
  let max = 0;
  let origin = -1;
  let skip = 0;
  let strip = false;
  let fd = 0;
  for (let c; (c = o.next('d:n:O:s:tu:C:c:'));) {
    if (c === 'd') delim = o.optarg[0] ?? '\0';
    else if (c === 'n') max = Number(o.optarg);
    else if (c === 'O') origin = Number(o.optarg);
    else if (c === 's') skip = Number(o.optarg);
    else if (c === 't') strip = true;
    else if (c === 'u') fd = Number(o.optarg);
  }
  const name = o.rest()[0] ?? 'MAPFILE';
  // Read everything there is (a pipe or file), then split into lines.
  let data = '';
  for (;;) {
    const r = yield* read(fd, 4096);
    if (r === -EINTR && !sh.pendingSig) continue;
    if (r === -EBADF) throw new ShError(`${fd}: invalid file descriptor: Bad file descriptor`, 1);
    if (typeof r === 'number' || r.length === 0) break;
    data += r;
  }
  const lines: string[] = [];
  let i = 0;
  while (i < data.length) {
    const j = data.indexOf(delim, i);
    const end = j < 0 ? data.length : j + 1;
    lines.push(data.slice(i, strip && j >= 0 ? j : end));
    i = end;
  }
  let picked = lines.slice(skip);
  if (max > 0) picked = picked.slice(0, max);
  if (origin < 0) {
    const v = sh.vars.get(name);
    if (v?.flags && v.flags & 2) throw new ShError(`${name}: readonly variable`, 1);
    assignArray(sh, name, picked.map((value) => ({ key: null, value })), false);
  } else {
    assignArray(sh, name, picked.map((value, k) => ({ key: String(origin + k), value })), true);
  }
  return 0;
}

register('read', 'u', readcmd);
register('mapfile readarray', 'uB', mapfilecmd);

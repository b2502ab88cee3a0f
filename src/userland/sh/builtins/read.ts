// read [-r] [-p prompt] var..., after dash's readcmd(): one byte at a time from fd 0 (so the
// rest of the input stays for the next reader), backslash escapes and line continuation unless
// -r, NUL bytes skipped, then dash's ifsbreakup() with a field limit: the last variable takes
// the rest of the line minus trailing IFS whitespace. Status 1 at end of input. bash adds
// -n N, -s, -d delim and REPLY.
import type { UserGen } from '../../../uapi/syscalls.ts';
import { EINTR } from '../../../uapi/errno.ts';
import { read, tcgetattr } from '../../lib/sys.ts';
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
  for (let c; (c = o.next(sh.bash ? 'p:rn:sd:t:a:u:e' : 'p:r'));) {
    if (c === 'p') prompt = o.optarg;
    else if (c === 'r') rflag = true;
    else if (c === 'n') nchars = Number(o.optarg);
    else if (c === 'd') delim = o.optarg[0] ?? '\0';
    else if (c === 's') silent = true;
  }
  void silent;
  if (prompt !== null && typeof (yield* tcgetattr(0)) !== 'number') yield* err2(prompt);
  let names = o.rest();
  if (!names.length) {
    if (!sh.bash) throw new ShError('arg count');
    names = ['REPLY'];
  }
  let status = 0;
  let chars = '';
  const esc: boolean[] = [];
  let backslash = false;
  let count = 0;
  for (;;) {
    if (nchars >= 0 && count >= nchars) break;
    const r = yield* read(0, 1);
    if (r === -EINTR && !sh.pendingSig) continue;
    if (typeof r === 'number' || r.length === 0) {
      status = 1;
      break;
    }
    const c = r;
    if (c === '\0') continue;
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
  const ifs = lookupvar(sh, 'IFS') ?? DEFIFS;
  if (sh.bash && names.length === 1 && names[0] === 'REPLY' && o.rest().length === 0) {
    setvar(sh, 'REPLY', chars);
    return status;
  }
  const fields = readSplit(chars, esc, ifs, names.length);
  names.forEach((n, i) => setvar(sh, n, fields[i] ?? ''));
  return status;
}

register('read', 'u', readcmd);

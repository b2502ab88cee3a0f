// GNU head 9.1: -n/-c counts with suffixes, negative counts (all but the last N), the old
// "-N[bcklmqvz]" syntax, headers for several files, -q/-v/-z, and head.c's diagnostics.
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { Output, closeInput, openInput, readChunk, tryHelp, warn, warnErrno } from './common.ts';
import { L, parseArgs } from './opts.ts';
import { quote, quoteC } from './quote.ts';
import { parseSize, sizeOverflow } from './strtod.ts';

const LONG = { bytes: L('c', 'required'), lines: L('n', 'required'), quiet: L('q'), silent: L('q'), verbose: L('v'), 'zero-terminated': L('z') };

interface HeadOpts { lines: boolean; n: number; elide: boolean; eol: string }

/** The first (or all but the last) n lines/bytes of one descriptor; false after a read error. */
function* headFd(fd: number, name: string, o: HeadOpts, out: Output, prog: string): UserGen<boolean> {
  let data = '';
  let left = o.n;
  for (;;) {
    if (!o.elide && left <= 0) return true;
    const r = yield* readChunk(fd);
    if (typeof r === 'number') {
      yield* out.flush();
      yield* warnErrno(prog, `error reading ${quote(name)}`, r);
      return false;
    }
    if (r === '') break;
    if (o.elide) {
      data += r;
      continue;
    }
    if (!o.lines) {
      yield* out.put(r.slice(0, left));
      left -= Math.min(left, r.length);
      continue;
    }
    let i = 0;
    while (left > 0) {
      const j = r.indexOf(o.eol, i);
      if (j < 0) {
        i = r.length;
        break;
      }
      i = j + 1;
      left--;
    }
    yield* out.put(r.slice(0, i));
  }
  if (o.elide) {
    if (!o.lines) yield* out.put(data.slice(0, Math.max(0, data.length - o.n)));
    else {
      // Drop the last n lines; an unterminated last line counts as one.
      let end = data.length;
      let k = o.n;
      if (k > 0 && end > 0 && data[end - 1] !== o.eol) { end = data.lastIndexOf(o.eol, end - 1) + 1; k--; }
      while (k > 0 && end > 0) {
        end = end >= 2 ? data.lastIndexOf(o.eol, end - 2) + 1 : 0;
        k--;
      }
      yield* out.put(data.slice(0, end));
    }
  }
  return true;
}

export function* head({ argv }: ProgramArgs): UserGen {
  const o: HeadOpts = { lines: true, n: 10, elide: false, eol: '\n' };
  let headers: 'multi' | 'never' | 'always' = 'multi';
  let args = [...argv];
  const old = /^-(\d+)([bcklmqvz]*)$/.exec(args[1] ?? '');
  if (old) {
    let mult = '';
    for (const c of old[2]) {
      if (c === 'c') { o.lines = false; mult = ''; } else if ('bkm'.includes(c)) { o.lines = false; mult = c; } else if (c === 'l') o.lines = true;
      else if (c === 'q') headers = 'never';
      else if (c === 'v') headers = 'always';
      else if (c === 'z') o.eol = '\0';
    }
    const v = parseSize(old[1] + mult);
    if (v === null) {
      yield* warn(argv[0], `invalid number of ${o.lines ? 'lines' : 'bytes'}: ${quoteC(old[1])}`);
      return 1;
    }
    if (v === Infinity) {
      yield* warn(argv[0], `invalid number of ${o.lines ? 'lines' : 'bytes'}: ${quoteC(old[1] + mult)}${sizeOverflow(v)}`);
      return 1;
    }
    o.n = v;
    args = [args[0], ...args.slice(2)];
  }
  const p = yield* parseArgs(args, { short: 'c:n:qvz0123456789', long: LONG }, { name: 'head' });
  if ('exit' in p) return p.exit;
  for (const { key, value = '' } of p.opts) {
    if (key === 'c' || key === 'n') {
      o.lines = key === 'n';
      o.elide = value.startsWith('-');
      const v = parseSize(o.elide ? value.slice(1) : value);
      if (v === null || v === Infinity) {
        yield* warn(argv[0], `invalid number of ${o.lines ? 'lines' : 'bytes'}: ${quoteC(o.elide ? value.slice(1) : value)}${sizeOverflow(v ?? 0)}`);
        return 1;
      }
      o.n = v;
    } else if (key === 'q') headers = 'never';
    else if (key === 'v') headers = 'always';
    else if (key === 'z') o.eol = '\0';
    else if (/\d/.test(key)) {
      yield* warn(argv[0], `invalid option -- '${key}'`);
      yield* tryHelp(argv[0]);
      return 1;
    }
  }
  const files = p.operands.length ? p.operands : ['-'];
  const show = headers === 'always' || (headers === 'multi' && files.length > 1);
  const out = new Output();
  let status = 0;
  let first = true;
  for (const f of files) {
    const name = f === '-' ? 'standard input' : f;
    const fd = yield* openInput(f);
    if (fd < 0) {
      yield* out.flush();
      yield* warnErrno(argv[0], `cannot open ${quote(f)} for reading`, fd);
      status = 1;
      continue;
    }
    if (show) yield* out.put(`${first ? '' : '\n'}==> ${name} <==\n`);
    first = false;
    if (!(yield* headFd(fd, name, o, out, argv[0]))) status = 1;
    yield* closeInput(fd);
    if (out.error) break;
  }
  return yield* out.finish(argv[0], status);
}

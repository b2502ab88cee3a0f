// GNU tail 9.1: the last (or, with +N, from the Nth) lines/bytes, the obsolete "-N"/"+N" form
// with one file, headers, -q/-v/-z, and -f/-F following regular files by polling their size in
// virtual time (-s, default 1 s; --pid stops when that process is gone).
import { ESRCH } from '../../uapi/errno.ts';
import { S_ISREG } from '../../uapi/fcntl.ts';
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { fstat, kill, lseek, nanosleep, open } from '../lib/sys.ts';
import { O_RDONLY, SEEK_SET } from '../../uapi/fcntl.ts';
import { Output, closeInput, openInput, readChunk, warn, warnErrno } from './common.ts';
import { L, parseArgs } from './opts.ts';
import { quote, quoteC } from './quote.ts';
import { MAX_BUFFERED } from '../text/textio.ts';
import { parseSize, sizeOverflow, strtod } from './strtod.ts';

const LONG = {
  bytes: L('c', 'required'), follow: L('f', 'optional'), lines: L('n', 'required'),
  'max-unchanged-stats': L('max-unchanged-stats', 'required'), pid: L('pid', 'required'), quiet: L('q'),
  silent: L('q'), retry: L('retry'), 'sleep-interval': L('s', 'required'), verbose: L('v'), 'zero-terminated': L('z'),
};

interface TailOpts { lines: boolean; n: number; fromStart: boolean; eol: string }

/** The selected part of a whole input. */
export function tailOf(data: string, o: TailOpts): string {
  if (!o.lines) return o.fromStart ? data.slice(Math.max(0, o.n - 1)) : data.slice(Math.max(0, data.length - o.n));
  if (o.fromStart) {
    let i = 0;
    for (let k = 1; k < o.n && i < data.length; k++) {
      const j = data.indexOf(o.eol, i);
      if (j < 0) return '';
      i = j + 1;
    }
    return data.slice(i);
  }
  if (o.n === 0) return '';
  let end = data.length;
  if (end && data[end - 1] === o.eol) end--;
  let k = o.n;
  let start = end;
  while (k > 0) {
    const j = data.lastIndexOf(o.eol, start - 1);
    if (j < 0 || start === 0) return data;
    start = j;
    k--;
  }
  return data.slice(start + 1);
}

export function* tail({ argv }: ProgramArgs): UserGen {
  const o: TailOpts = { lines: true, n: 10, fromStart: false, eol: '\n' };
  let args = [...argv];
  let follow = false, retry = false, byName = false;
  const obs = /^([+-])(\d*)([bcl]?)(f?)$/.exec(args[1] ?? '');
  // parse_obsolete_option(): "-" is standard input and "-c" wants its argument (POSIX 2008).
  if (obs && args[1] !== '-' && args[1] !== '-c' && (args.length === 2 || (args.length === 3 && !(args[2][0] === '-' && args[2].length > 1))) &&
    (obs[1] === '+' || obs[2] !== '' || obs[3] !== '' || obs[4] !== '')) {
    o.fromStart = obs[1] === '+';
    o.lines = obs[3] !== 'b' && obs[3] !== 'c';
    o.n = obs[2] === '' ? (obs[3] === 'b' ? 5120 : 10) : Number(obs[2]) * (obs[3] === 'b' ? 512 : 1);
    // parse_obsolete_option(): xstrtoumax() failing dies with strtoumax()'s errno (ERANGE for
    // the digits; none when only the 'b' multiplication overflows).
    const big = obs[2] === '' ? 0n : BigInt(obs[2]);
    if (big > 0xffffffffffffffffn || big * (obs[3] === 'b' ? 512n : 1n) > 0xffffffffffffffffn) {
      yield* warn(argv[0], `invalid number: ${quoteC(args[1])}${big > 0xffffffffffffffffn ? ': Numerical result out of range' : ''}`);
      return 1;
    }
    follow = obs[4] === 'f';
    args = [args[0], ...args.slice(2)];
  }
  const p = yield* parseArgs(args, { short: 'c:n:fFqs:vz0123456789', long: LONG }, { name: 'tail' });
  if ('exit' in p) return p.exit;
  let headers: 'multi' | 'never' | 'always' = 'multi';
  let interval = 1;
  let pid = 0;
  for (const { key, value = '' } of p.opts) {
    switch (key) {
      case 'c': case 'n': {
        o.lines = key === 'n';
        // parse_options() only ever sets from_start: "-n +2 -c 3" counts 3 bytes from the start.
        if (value.startsWith('+')) o.fromStart = true;
        // parse_options(): a leading '-' is skipped, a '+' is left for xdectoumax() (and its message).
        const num = value.startsWith('-') ? value.slice(1) : value;
        const v = parseSize(num);
        if (v === null || v === Infinity) {
          yield* warn(argv[0], `invalid number of ${o.lines ? 'lines' : 'bytes'}: ${quoteC(num)}${sizeOverflow(v ?? 0)}`);
          return 1;
        }
        o.n = v;
        break;
      }
      case 'f': follow = true; break;
      // -F is --follow=name --retry.
      case 'F': follow = true; byName = true; retry = true; break;
      case 'retry': retry = true; break;
      case 'q': headers = 'never'; break;
      case 'v': headers = 'always'; break;
      case 'z': o.eol = '\0'; break;
      case 's': {
        const r = strtod(value);
        if (r.end !== value.length || !(r.value >= 0)) {
          yield* warn(argv[0], `invalid number of seconds: ${quoteC(value)}`);
          return 1;
        }
        interval = r.value;
        break;
      }
      case 'pid': pid = Number(value); break;
      // Checked as tail.c does; it only tunes when -F reopens a file, which is not needed here
      // (the kernel tells a rotated file from the one opened without polling stats).
      case 'max-unchanged-stats':
        if (!/^\s*\+?\d+$/.test(value)) {
          yield* warn(argv[0], `invalid maximum number of unchanged stats between opens: ${quoteC(value)}`);
          return 1;
        }
        break;
      default: break;
    }
  }
  const files = p.operands.length ? p.operands : ['-'];
  // tail.c's checks of --retry, before anything is read.
  if (retry && !follow) yield* warn(argv[0], 'warning: --retry ignored; --retry is useful only when following');
  else if (retry && !byName && !p.opts.some((o) => o.key === 'f' && o.value === 'name')) {
    yield* warn(argv[0], 'warning: --retry only effective for the initial open');
  }
  const show = headers === 'always' || (headers === 'multi' && files.length > 1);
  const out = new Output();
  let status = 0;
  let lastShown: string | null = null;
  // Every operand gets its header (write_header()); while following, only a change of file does.
  const header = function* (name: string, always = false): UserGen<void> {
    if (show && (always || lastShown !== name)) yield* out.put(`${lastShown === null ? '' : '\n'}==> ${name} <==\n`);
    lastShown = name;
  };
  // `missing`: not there yet; with --retry it is waited for (tail.c's recheck()).
  const followed: { name: string; path: string; pos: number; missing?: boolean }[] = [];
  for (const f of files) {
    const name = f === '-' ? 'standard input' : f;
    const fd = yield* openInput(f);
    if (fd < 0) {
      yield* out.flush();
      yield* warnErrno(argv[0], `cannot open ${quote(f)} for reading`, fd);
      status = 1;
      if (follow && retry && f !== '-') followed.push({ name, path: f, pos: 0, missing: true });
      continue;
    }
    yield* header(name, true);
    let data = '';
    let total = 0;
    let endsEol = false;
    let failed = false;
    // +N: what follows the first N-1 lines (bytes) is written as it is read (GNU's
    // start_lines()/start_bytes() then dump_remainder()), so `yes | tail -n +2 | head` ends.
    let skip = Math.max(0, o.n - 1);
    for (;;) {
      let r = yield* readChunk(fd);
      if (typeof r === 'number') {
        yield* out.flush();
        yield* warnErrno(argv[0], `error reading ${quote(name)}`, r);
        status = 1;
        failed = true;
        break;
      }
      if (r === '') break;
      if (o.fromStart) {
        total += r.length;
        if (skip && !o.lines) {
          const cut = Math.min(skip, r.length);
          skip -= cut;
          r = r.slice(cut);
        }
        let i = 0;
        while (skip && o.lines) {
          const j = r.indexOf(o.eol, i);
          if (j < 0) { i = r.length; break; }
          i = j + 1;
          skip--;
        }
        if (r.length > i) yield* out.put(i ? r.slice(i) : r);
        continue;
      }
      // Tested on the chunk, not on data: a growing V8 cons string is flattened by every search.
      const newLine = !o.lines || r.includes(o.eol) || endsEol;
      endsEol = r.endsWith(o.eol);
      data += r;
      total += r.length;
      // Only the last lines can be printed, so only they are kept (GNU's pipe_lines keeps its
      // line buffers the same way); a "line" longer than memory ends as gnulib's xalloc_die().
      if (newLine && data.length > 1 << 20) data = tailOf(data, o);
      if (data.length > MAX_BUFFERED) {
        yield* out.flush();
        yield* warn(argv[0], 'memory exhausted');
        return 1;
      }
    }
    if (!o.fromStart) yield* out.put(tailOf(data, o));
    const st = yield* fstat(fd);
    if (follow && !failed && f !== '-' && typeof st !== 'number' && S_ISREG(st.mode)) followed.push({ name, path: f, pos: total });
    yield* closeInput(fd);
  }
  yield* out.flush();
  if (!follow) return yield* out.finish(argv[0], status);
  if (!followed.length) {
    if (files.some((f) => f !== '-')) {
      yield* warn(argv[0], 'no files remaining');
      return 1;
    }
    return yield* out.finish(argv[0], status);
  }
  // Follow by polling: a growing file prints its new bytes, a shorter one was truncated.
  for (;;) {
    if (pid && (yield* kill(pid, 0)) === -ESRCH) return yield* out.finish(argv[0], status);
    for (const fl of followed) {
      const fd = yield* open(fl.path, O_RDONLY);
      if (fd < 0) continue;
      if (fl.missing) {
        fl.missing = false;
        yield* out.flush();
        yield* warn(argv[0], `${quote(fl.path)} has appeared;  following new file`);
      }
      const st = yield* fstat(fd);
      if (typeof st !== 'number') {
        if (st.size < fl.pos) {
          yield* out.flush();
          yield* warn(argv[0], `${quote(fl.path)}: file truncated`);
          fl.pos = 0;
        }
        if (st.size > fl.pos) {
          yield* lseek(fd, fl.pos, SEEK_SET);
          for (;;) {
            const r = yield* readChunk(fd);
            if (typeof r === 'number' || r === '') break;
            yield* header(fl.name);
            yield* out.put(r);
            fl.pos += r.length;
          }
        }
      }
      yield* closeInput(fd);
    }
    yield* out.flush();
    if (out.error) return yield* out.finish(argv[0], 1);
    yield* nanosleep(Math.max(1, Math.round(interval * 1e9)));
  }
}

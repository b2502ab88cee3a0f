// GNU dd 9.1: copy if= (standard input) to of= (standard output) in ibs-sized reads and
// obs-sized writes (bs= sets both and writes each read as it came), after skip= input blocks
// and seek= output blocks, at most count= input blocks; conv= ucase, lcase, swab, sync,
// notrunc, excl, nocreat, noerror, fsync, fdatasync; iflag= skip_bytes, count_bytes, fullblock;
// oflag= append, seek_bytes; status= none, noxfer, progress. The closing statistics are dd's
// ("N+M records in/out", bytes with SI and IEC sizes, seconds and rate) over the virtual clock.
// Not offered: conv=block/unblock/ascii/ebcdic (cbs=), SIGUSR1 reports, O_DIRECT and friends.
import { O_APPEND, O_CREAT, O_EXCL, O_RDONLY, O_TRUNC, O_WRONLY } from '../../uapi/fcntl.ts';
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { writeAll } from '../lib/io.ts';
import { clockGettime, close, lseek, open, truncate } from '../lib/sys.ts';
import { readChunk, tryHelp, warn, warnErrno } from './common.ts';
import { formatG, humanSize } from './dd_stats.ts';
import { parseArgs } from './opts.ts';
import { quote, quoteC } from './quote.ts';

const MULT: Record<string, number> = {
  c: 1, w: 2, b: 512, kB: 1e3, K: 1024, KiB: 1024, MB: 1e6, M: 1024 ** 2, MiB: 1024 ** 2, GB: 1e9, G: 1024 ** 3, GiB: 1024 ** 3,
  TB: 1e12, T: 1024 ** 4, TiB: 1024 ** 4, k: 1024,
};

/** parse_integer(): N with a suffix, or NxM products. */
function parseNum(s: string): number | null {
  const parts = s.split('x');
  let v = 1;
  for (const part of parts) {
    const m = /^(\d+)([A-Za-z]*)$/.exec(part);
    if (!m || (m[2] && !(m[2] in MULT))) return null;
    v *= Number(m[1]) * (m[2] ? MULT[m[2]] : 1);
  }
  return Number.isSafeInteger(v) ? v : null;
}

const CONVS = ['ascii', 'ebcdic', 'ibm', 'block', 'unblock', 'lcase', 'ucase', 'sparse', 'swab', 'sync', 'excl', 'nocreat', 'notrunc', 'noerror', 'fdatasync', 'fsync'];
const FLAGS = ['append', 'binary', 'cio', 'direct', 'directory', 'dsync', 'sync', 'fullblock', 'noatime', 'nocache', 'noctty', 'nofollow', 'nolinks', 'nonblock', 'text', 'count_bytes', 'skip_bytes', 'seek_bytes'];

export function* dd({ argv }: ProgramArgs): UserGen {
  const p = yield* parseArgs(argv, { short: '' }, { name: 'dd' });
  if ('exit' in p) return p.exit;
  const usage = function* (msg: string): UserGen<number> {
    yield* warn(argv[0], msg);
    yield* tryHelp(argv[0]);
    return 1;
  };
  let inName: string | null = null, outName: string | null = null, ibs = 512, obs = 512, bs = 0;
  let count = -1, skip = 0, seek = 0, status = 'default';
  const conv = new Set<string>(), iflag = new Set<string>(), oflag = new Set<string>();
  for (const arg of p.operands) {
    const eq = arg.indexOf('=');
    const key = eq < 0 ? arg : arg.slice(0, eq), val = arg.slice(eq + 1);
    if (eq < 0 || !['if', 'of', 'bs', 'ibs', 'obs', 'cbs', 'count', 'skip', 'iseek', 'seek', 'oseek', 'conv', 'iflag', 'oflag', 'status'].includes(key)) {
      return yield* usage(`unrecognized operand ${quoteC(arg)}`);
    }
    if (key === 'if') inName = val;
    else if (key === 'of') outName = val;
    else if (key === 'conv' || key === 'iflag' || key === 'oflag') {
      const [set, list, what] = key === 'conv' ? [conv, CONVS, 'conversion'] : key === 'iflag' ? [iflag, FLAGS, 'input flag'] : [oflag, FLAGS, 'output flag'];
      for (const f of val.split(',')) {
        if (!list.includes(f)) return yield* usage(`invalid ${what}: ${quoteC(f)}`);
        set.add(f);
      }
    } else if (key === 'status') {
      if (!['none', 'noxfer', 'progress'].includes(val)) return yield* usage(`invalid status level: ${quoteC(val)}`);
      status = val;
    } else {
      const n = parseNum(val);
      const positive = key === 'bs' || key === 'ibs' || key === 'obs' || key === 'cbs';
      if (n === null || (positive && n === 0)) {
        yield* warn(argv[0], `invalid number: ${quoteC(val)}`);
        return 1;
      }
      if (key === 'bs') bs = n;
      else if (key === 'ibs') ibs = n;
      else if (key === 'obs') obs = n;
      else if (key === 'count') count = n;
      else if (key === 'skip' || key === 'iseek') skip = n;
      else if (key === 'seek' || key === 'oseek') seek = n;
    }
  }
  if (bs) ibs = obs = bs;
  let inFd = 0, outFd = 1;
  if (inName !== null) {
    inFd = yield* open(inName, O_RDONLY);
    if (inFd < 0) {
      yield* warnErrno(argv[0], `failed to open ${quote(inName)}`, inFd);
      return 1;
    }
  }
  const seekBytes = oflag.has('seek_bytes') ? seek : seek * obs;
  if (outName !== null) {
    const trunc = !conv.has('notrunc') && !oflag.has('append');
    const flags = O_WRONLY | (conv.has('nocreat') ? 0 : O_CREAT) | (conv.has('excl') ? O_EXCL : 0) |
      (oflag.has('append') ? O_APPEND : 0) | (trunc && seekBytes === 0 ? O_TRUNC : 0);
    outFd = yield* open(outName, flags, 0o666);
    if (outFd < 0) {
      yield* warnErrno(argv[0], `failed to open ${quote(outName)}`, outFd);
      return 1;
    }
    // dd ftruncate()s the output at the seek offset; the kernel has truncate(2) by name.
    if (trunc && seekBytes > 0) yield* truncate(outName, seekBytes);
  }
  const start = yield* clockGettime(1);
  let exit = 0;
  const stats = { fullIn: 0, partIn: 0, fullOut: 0, partOut: 0, bytes: 0 };
  let pending = '';
  // Input already read past a short skip (a pipe, or fullblock reads) comes first.
  let carry = '';
  const readBlock = function* (size: number): UserGen<string | number> {
    let got = carry.slice(0, size);
    carry = carry.slice(got.length);
    while (got.length < size) {
      const r = yield* readChunk(inFd, size - got.length);
      if (typeof r === 'number') return got.length ? got : r;
      if (r === '') break;
      got += r;
      if (!iflag.has('fullblock') && got.length) break;
    }
    return got;
  };
  const skipBytes = iflag.has('skip_bytes') ? skip : skip * ibs;
  if (skipBytes > 0 && (yield* lseek(inFd, skipBytes, 1)) < 0) {
    for (let left = skipBytes; left > 0;) {
      const r = yield* readChunk(inFd, Math.min(left, 65536));
      if (typeof r === 'number' || r === '') break;
      left -= r.length;
    }
  }
  if (seekBytes > 0 && outName === null) yield* lseek(outFd, seekBytes, 1);
  else if (seekBytes > 0) yield* lseek(outFd, seekBytes, 0);
  const flush = function* (final: boolean): UserGen<boolean> {
    while (pending.length >= obs || (final && pending.length)) {
      const chunk = pending.slice(0, obs);
      pending = pending.slice(chunk.length);
      const n = yield* writeAll(outFd, chunk);
      if (n < 0) {
        yield* warnErrno(argv[0], `error writing ${quote(outName ?? 'standard output')}`, n);
        return false;
      }
      stats.bytes += chunk.length;
      if (chunk.length === obs) stats.fullOut++;
      else stats.partOut++;
    }
    return true;
  };
  const countBytes = iflag.has('count_bytes');
  let inBytes = 0;
  for (;;) {
    if (count >= 0 && (countBytes ? inBytes >= count : stats.fullIn + stats.partIn >= count)) break;
    const want = countBytes && count >= 0 ? Math.min(ibs, count - inBytes) : ibs;
    const r = yield* readBlock(want);
    if (typeof r === 'number') {
      yield* warnErrno(argv[0], `error reading ${quote(inName ?? 'standard input')}`, r);
      exit = 1;
      break;
    }
    if (r === '') break;
    inBytes += r.length;
    if (r.length === ibs) stats.fullIn++;
    else stats.partIn++;
    let block = r;
    if (conv.has('sync') && block.length < ibs) block += '\0'.repeat(ibs - block.length);
    if (conv.has('swab')) block = block.replace(/([\s\S])([\s\S])/g, '$2$1');
    if (conv.has('ucase')) block = block.replace(/[a-z]+/g, (s) => s.toUpperCase());
    if (conv.has('lcase')) block = block.replace(/[A-Z]+/g, (s) => s.toLowerCase());
    pending += block;
    // With bs=, each block read is written as it is (a short read makes a short write).
    if (!(yield* flush(bs > 0))) {
      exit = 1;
      break;
    }
  }
  if (exit === 0 && !(yield* flush(true))) exit = 1;
  if (inName !== null) yield* close(inFd);
  if (outName !== null) yield* close(outFd);
  if (status !== 'none') {
    let msg = `${stats.fullIn}+${stats.partIn} records in\n${stats.fullOut}+${stats.partOut} records out\n`;
    if (status !== 'noxfer') {
      const ns = (yield* clockGettime(1)) - start;
      const si = humanSize(stats.bytes, 1000, ''), iec = humanSize(stats.bytes, 1024, 'i');
      const sizes = stats.bytes < 1000 ? '' : stats.bytes < 1024 ? ` (${si})` : ` (${si}, ${iec})`;
      const rate = ns > 0 ? `${humanSize((stats.bytes * 1e9) / ns, 1000, '', true)}/s` : 'Infinity B/s';
      msg += `${stats.bytes} byte${stats.bytes === 1 ? '' : 's'}${sizes} copied, ${formatG(ns / 1e9)} s, ${rate}\n`;
    }
    yield* writeAll(2, msg);
  }
  return exit;
}

// GNU md5sum, sha256sum and cksum 9.1 (one digest.c): "HASH  NAME" lines (or BSD-style tagged
// "MD5 (NAME) = HASH"), names with '\', newline or CR escaped behind a leading '\', and -c to
// verify such lines with digest.c's counts and warnings. cksum prints the POSIX CRC and size by
// default, with -a bsd/sysv sum's checksums and blocks, and with -a md5/sha1/sha224/sha256/
// sha384/sha512/blake2b (-l BITS) tagged lines; sm3 is not offered here.
import { ENOENT } from '../../uapi/errno.ts';
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { md5Hex, posixCksum, sha224Hex, sha256Hex } from '../../lib/digest.ts';
import { writeAll } from '../lib/io.ts';
import { blake2bHex, sha1Hex, sha384Hex, sha512Hex } from './sha_more.ts';
import { Output, tryHelp, warn, warnErrno } from './common.ts';
import { readInput } from './inputs.ts';
import { L, parseArgs } from './opts.ts';
import { quoteC, quotef } from './quote.ts';

interface Algo { tag: string; hex: (d: string) => string; len: number }
const ALGOS: Record<string, Algo> = {
  md5: { tag: 'MD5', hex: md5Hex, len: 32 }, sha1: { tag: 'SHA1', hex: sha1Hex, len: 40 }, sha224: { tag: 'SHA224', hex: sha224Hex, len: 56 },
  sha256: { tag: 'SHA256', hex: sha256Hex, len: 64 }, sha384: { tag: 'SHA384', hex: sha384Hex, len: 96 },
  sha512: { tag: 'SHA512', hex: sha512Hex, len: 128 }, blake2b: { tag: 'BLAKE2b', hex: (d) => blake2bHex(d), len: 128 },
};
const CKSUM_ALGOS = ['bsd', 'sysv', 'crc', 'md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'blake2b', 'sm3'];

const problematic = (s: string): boolean => /[\\\n\r]/.test(s);
const escapeName = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

/** filename_unescape(): null for a bad escape. */
function unescapeName(s: string): string | null {
  let r = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\') {
      r += s[i];
      continue;
    }
    const c = s[++i];
    if (c === '\\') r += '\\';
    else if (c === 'n') r += '\n';
    else if (c === 'r') r += '\r';
    else return null;
  }
  return r;
}

/** One line of a check file: [hex, name] or null when improperly formatted (split_3 / bsd_split_3). */
function parseLine(line: string, a: Algo, tagsOnly: boolean, bsdReversed: { v: number }): [string, string] | null {
  let i = 0;
  while (line[i] === ' ' || line[i] === '\t') i++;
  let escaped = false;
  if (line[i] === '\\') {
    i++;
    escaped = true;
  }
  const fin = (name: string): string | null => (escaped ? unescapeName(name) : name);
  if (line.startsWith(a.tag, i)) {
    let j = i + a.tag.length;
    if (line[j] === ' ') j++;
    if (line[j] === '(') {
      const k = line.lastIndexOf(')');
      const rest = k > j ? line.slice(k) : '';
      const hm = /^\) = ?([0-9A-Fa-f]+)$/.exec(rest);
      if (!hm || hm[1].length !== a.len) return null;
      const name = fin(line.slice(j + 1, k));
      return name === null ? null : [hm[1], name];
    }
  }
  if (tagsOnly) return null;
  const hex = line.slice(i, i + a.len);
  if (line.length - i < a.len + 2 || !/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== a.len) return null;
  i += a.len;
  if (line[i] !== ' ' && line[i] !== '\t') return null;
  i++;
  if (line.length - i === 1 || (line[i] !== ' ' && line[i] !== '*')) {
    if (bsdReversed.v === 0) return null;
    bsdReversed.v = 1;
  } else if (bsdReversed.v !== 1) {
    bsdReversed.v = 0;
    i++;
  }
  const name = fin(line.slice(i));
  return name === null ? null : [hex, name];
}

function* check(prog: string, algos: Algo[], files: string[], f: Set<string>, tagsOnly: boolean, out: Output): UserGen<boolean> {
  let ok = true;
  for (const file of files) {
    const r = yield* readInput(file, prog);
    // digest_check() names "-" "standard input" in its messages (quoted: it has a space).
    const cf = file === '-' ? 'standard input' : file;
    if (!('data' in r)) {
      yield* out.flush();
      yield* warnErrno(prog, quotef(cf), 'open' in r ? r.open : r.read);
      ok = false;
      continue;
    }
    let good = 0, bad = 0, unread = 0, mismatched = 0, matched = 0;
    const bsd = { v: -1 };
    // The name in the warning is the last algorithm detected (cksum's default, CRC, before any).
    let typeName = tagsOnly ? 'CRC' : algos[0].tag;
    const lines = r.data.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    for (let n = 0; n < lines.length; n++) {
      const line = lines[n];
      if (line === '' || line[0] === '#') continue;
      // cksum without -a takes the algorithm from each line's tag.
      let a = algos[0], parsed: [string, string] | null = null;
      for (const x of algos) {
        parsed = parseLine(line, x, tagsOnly, bsd);
        if (parsed) {
          a = x;
          typeName = x.tag;
          break;
        }
      }
      if (!parsed) {
        bad++;
        if (f.has('w')) {
          yield* out.flush();
          yield* warn(prog, `${quotef(cf)}: ${n + 1}: improperly formatted ${typeName} checksum line`);
        }
        continue;
      }
      good++;
      const [hex, name] = parsed;
      const shown = (problematic(name) ? '\\' : '') + (problematic(name) ? escapeName(name) : name);
      const d = yield* readInput(name, prog);
      if (!('data' in d)) {
        const err = 'open' in d ? d.open : d.read;
        if (f.has('i') && 'open' in d && d.open === -ENOENT) continue;
        unread++;
        yield* out.flush();
        yield* warnErrno(prog, quotef(name), err);
        if (!f.has('S')) yield* out.put(`${shown}: FAILED open or read\n`);
        continue;
      }
      if (a.hex(d.data) === hex.toLowerCase()) {
        matched++;
        if (!f.has('S') && !f.has('q')) yield* out.put(`${shown}: OK\n`);
      } else {
        mismatched++;
        if (!f.has('S')) yield* out.put(`${shown}: FAILED\n`);
      }
    }
    yield* out.flush();
    if (!good) yield* warn(prog, `${quotef(cf)}: no properly formatted checksum lines found`);
    else if (!f.has('S')) {
      const plural = (n: number, one: string, many: string): string => `WARNING: ${n} ${n === 1 ? one : many}`;
      if (bad) yield* warn(prog, plural(bad, 'line is improperly formatted', 'lines are improperly formatted'));
      if (unread) yield* warn(prog, plural(unread, 'listed file could not be read', 'listed files could not be read'));
      if (mismatched) yield* warn(prog, plural(mismatched, 'computed checksum did NOT match', 'computed checksums did NOT match'));
      if (f.has('i') && !matched) yield* warn(prog, `${quotef(cf)}: no file was verified`);
    }
    if (!(good && !mismatched && !unread && (!f.has('s') || !bad) && (!f.has('i') || matched))) ok = false;
  }
  return ok;
}

/** sum.c bsd_sum_stream(): a 16-bit rotating checksum, then 1024-byte blocks rounded up ("%05d %5s"). */
function bsdSum(data: string): string {
  let c = 0;
  for (let i = 0; i < data.length; i++) c = (((c >> 1) + ((c & 1) << 15)) + data.charCodeAt(i)) & 0xffff;
  return `${String(c).padStart(5, '0')} ${String(Math.ceil(data.length / 1024)).padStart(5)}`;
}

/** sum.c sysv_sum_stream(): the byte sum folded to 16 bits, then 512-byte blocks rounded up. */
function sysvSum(data: string): string {
  let s = 0;
  for (let i = 0; i < data.length; i++) s = (s + data.charCodeAt(i)) >>> 0;
  const r = (s & 0xffff) + (s >>> 16);
  return `${(r & 0xffff) + (r >>> 16)} ${Math.ceil(data.length / 512)}`;
}

function* digestMain(argv: readonly string[], prog: 'md5sum' | 'sha256sum' | 'cksum'): UserGen {
  // digest.c long_options, in its order: cksum has --length first and --algorithm, --debug,
  // --untagged where the others have --binary and --text.
  const long: Record<string, ReturnType<typeof L>> = {
    ...(prog === 'cksum' ? { length: L('l', 'required') } : {}),
    check: L('c'), 'ignore-missing': L('i'), quiet: L('q'), status: L('S'), warn: L('w'), strict: L('s'), tag: L('T'), zero: L('z'),
    ...(prog === 'cksum' ? { algorithm: L('a', 'required'), debug: L('D'), untagged: L('U') } : { binary: L('b'), text: L('t') }),
  };
  const p = yield* parseArgs(argv, { short: prog === 'cksum' ? 'a:l:bctwz' : 'bctwz', long }, { name: prog });
  if ('exit' in p) return p.exit;
  const f = new Set(p.opts.map((o) => o.key));
  let algoName = prog === 'cksum' ? 'crc' : prog.replace('sum', '');
  for (const o of p.opts) {
    if (o.key !== 'a') continue;
    const v = o.value ?? '';
    const hits = CKSUM_ALGOS.filter((n) => n.startsWith(v));
    if (!CKSUM_ALGOS.includes(v) && hits.length !== 1) {
      yield* warn(argv[0], `${hits.length ? 'ambiguous' : 'invalid'} argument ${quoteC(v)} for '--algorithm'`);
      yield* writeAll(2, `Valid arguments are:\n${CKSUM_ALGOS.map((n) => `  - '${n}'\n`).join('')}`);
      yield* tryHelp(argv[0]);
      return 1;
    }
    algoName = CKSUM_ALGOS.includes(v) ? v : hits[0];
  }
  const usage = function* (msg: string): UserGen<number> {
    yield* warn(argv[0], msg);
    yield* tryHelp(argv[0]);
    return 1;
  };
  const checking = f.has('c');
  if (f.has('T') && f.has('t') && !checking) return yield* usage('--tag does not support --text mode');
  if (checking && f.has('T')) return yield* usage('the --tag option is meaningless when verifying checksums');
  if (checking && (f.has('b') || f.has('t'))) return yield* usage('the --binary and --text options are meaningless when verifying checksums');
  for (const [k, name] of [['i', 'ignore-missing'], ['S', 'status'], ['w', 'warn'], ['q', 'quiet'], ['s', 'strict']]) {
    if (f.has(k) && !checking) return yield* usage(`the --${name} option is meaningful only when verifying checksums`);
  }
  // -l BITS (blake2b only): digest.c's checks; 0 or 512 is the whole digest, with the plain tag.
  let algo = ALGOS[algoName];
  const lenArg = p.opts.filter((o) => o.key === 'l').pop()?.value;
  if (lenArg !== undefined) {
    const m = /^\s*\+?(\d+)$/.exec(lenArg);
    const bits = m ? Number(m[1]) : NaN;
    if (!m || bits % 8 !== 0) {
      yield* warn(argv[0], `invalid length: ${quoteC(lenArg)}`);
      if (m) yield* warn(argv[0], 'length is not a multiple of 8');
      return 1;
    }
    if (bits && algoName !== 'blake2b') {
      yield* warn(argv[0], '--length is only supported with --algorithm=blake2b');
      return 1;
    }
    if (bits > 512) {
      yield* warn(argv[0], `invalid length: ${quoteC(lenArg)}`);
      yield* warn(argv[0], "maximum digest length for 'BLAKE2b' is 512 bits");
      return 1;
    }
    if (bits && bits < 512) algo = { tag: `BLAKE2b-${bits}`, hex: (d) => blake2bHex(d, bits / 8), len: bits / 4 };
  }
  if (!algo && algoName !== 'crc' && algoName !== 'bsd' && algoName !== 'sysv') {
    yield* warn(argv[0], `--algorithm=${algoName} is not supported here`);
    return 1;
  }
  const out = new Output();
  const files = p.operands.length ? p.operands : ['-'];
  if (checking) {
    const auto = prog === 'cksum' && !p.opts.some((o) => o.key === 'a');
    if (!algo && !auto) {
      yield* warn(argv[0], '--check is not supported with --algorithm={bsd,sysv,crc}');
      return 1;
    }
    // cksum without -a verifies tagged lines only (the tag says which algorithm).
    const ok = yield* check(argv[0], auto ? Object.values(ALGOS) : [algo], files, f, auto, out);
    return yield* out.finish(argv[0], ok ? 0 : 1);
  }
  const eol = f.has('z') ? '\0' : '\n';
  const tagged = prog === 'cksum' ? !f.has('U') : f.has('T');
  let status = 0;
  for (const name of files) {
    const r = yield* readInput(name, argv[0]);
    if (!('data' in r) && !(algoName === 'crc' && 'read' in r)) {
      // (bsd and sysv read with fread: a directory is "Is a directory".)
      yield* out.flush();
      yield* warnErrno(argv[0], quotef(name), 'open' in r ? r.open : r.read);
      status = 1;
      continue;
    }
    // cksum's CRC reader takes a read error (a directory) as the end of the data.
    const data = 'data' in r ? r.data : '';
    if (!algo) {
      const sum = algoName === 'bsd' ? bsdSum(data) : algoName === 'sysv' ? sysvSum(data) : `${posixCksum(data)} ${data.length}`;
      yield* out.put(`${sum}${p.operands.length ? ` ${name}` : ''}${eol}`);
      continue;
    }
    const esc = eol === '\n' && problematic(name);
    const shown = esc ? escapeName(name) : name;
    const hex = algo.hex(data);
    yield* out.put(`${esc ? '\\' : ''}${tagged ? `${algo.tag} (${shown}) = ${hex}` : `${hex} ${f.has('b') ? '*' : ' '}${shown}`}${eol}`);
  }
  return yield* out.finish(argv[0], status);
}

export const md5sum = ({ argv }: ProgramArgs): UserGen => digestMain(argv, 'md5sum');
export const sha256sum = ({ argv }: ProgramArgs): UserGen => digestMain(argv, 'sha256sum');
export const cksum = ({ argv }: ProgramArgs): UserGen => digestMain(argv, 'cksum');

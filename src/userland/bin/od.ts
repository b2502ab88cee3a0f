// GNU od 9.1 (coreutils src/od.c): -A -j -N -S -t -v -w --endian --traditional, the traditional
// shorthands -a -b -c -d -f -i -l -o -s -x (and the undocumented B D e F H h I L O X), old-style
// "[+]OFFSET[.][b] [LABEL]" operands, several files read as one stream, `*` for repeated lines.
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { writeAll } from '../lib/io.ts';
import { getoptLong } from '../text/getopt.ts';
import type { OptSpec, ParsedOpt } from '../text/getopt.ts';
import { Output, tryHelp, warn } from './common.ts';
import { Input, dump, dumpStrings } from './od_dump.ts';
import { Addresser, MULTIPLIERS, decodeFormat, layout, parseOldOffset, U64_MAX, xstrtoumax } from './od_format.ts';
import type { Spec } from './od_format.ts';
import { L, helpText, versionText } from './opts.ts';
import { quoteC } from './quote.ts';

// Long options report their own names as keys: xstrtol_fatal() names the option as it was given.
const SPEC: OptSpec = {
  short: 'A:aBbcDdeFfHhIij:LlN:OoS:st:vw::Xx',
  long: {
    'skip-bytes': L('skip-bytes', 'required'), 'address-radix': L('A', 'required'), 'read-bytes': L('read-bytes', 'required'),
    format: L('t', 'required'), 'output-duplicates': L('v'), strings: L('strings', 'optional'), traditional: L('traditional'),
    width: L('width', 'optional'), endian: L('endian', 'required'), help: L('help'), version: L('version'),
  },
};
/** The traditional format options and the -t string each stands for (od.c CASE_OLD_ARG). */
const OLD: Record<string, string> = {
  a: 'a', b: 'o1', c: 'c', D: 'u4', d: 'u2', F: 'fD', e: 'fD', f: 'fF', X: 'x4', H: 'x4', i: 'dI', I: 'dL', L: 'dL', l: 'dL',
  O: 'o4', B: 'o2', o: 'o2', s: 'd2', h: 'x2', x: 'x2',
};
/** The widest line (-w) we format. */
const MAX_BLOCK = 1 << 20;

/** The options in force before the one glibc's getopt rejects: GNU acts on those first. */
function optsBefore(argv: readonly string[], message: string): ParsedOpt[] {
  let good: ParsedOpt[] = [];
  for (let n = 1; n <= argv.length; n++) {
    const r = getoptLong(argv[0], argv.slice(0, n), SPEC);
    if (r.ok) good = r.opts;
    else if (r.message === message) break;
  }
  return good;
}

interface Settings {
  specs: Spec[];
  radix: 8 | 10 | 16 | 0;
  padLen: number;
  skip: bigint;
  limit: bigint | null;
  strings: number | null;
  dupes: boolean;
  width: bigint | null;
  swap: boolean;
  traditional: boolean;
  modern: boolean;
}

/** One option, as od.c's main() handles it in order: a message and an exit status when it ends od, else null. */
function* applyOpt(o: ParsedOpt, st: Settings, prog: string): UserGen<number | null> {
  const v = o.value ?? '';
  const numeric = function* (name: string, suffixes: string, base = 0): UserGen<bigint | number> {
    const r = xstrtoumax(v, base, suffixes);
    if (r.err === 'ok') return r.value;
    const opt = name.length === 1 ? `-${name}` : `--${name}`;
    yield* warn(prog, r.err === 'invalid' ? `invalid ${opt} argument '${v}'` : r.err === 'suffix' ? `invalid suffix in ${opt} argument '${v}'` : `${opt} argument '${v}' too large`);
    return 1;
  };
  if ('AjNStvw'.includes(o.key) || ['skip-bytes', 'read-bytes', 'strings', 'width'].includes(o.key)) st.modern = true;
  switch (o.key) {
    case 'A': {
      const r = ({ d: [10, 7], o: [8, 7], x: [16, 6], n: [0, 0] } as Record<string, [8 | 10 | 16 | 0, number]>)[v[0]];
      if (!r) {
        yield* warn(prog, `invalid output address radix '${v[0] ?? '\0'}'; it must be one character from [doxn]`);
        return 1;
      }
      [st.radix, st.padLen] = r;
      return null;
    }
    case 'j': case 'skip-bytes': case 'N': case 'read-bytes': case 'S': case 'strings': {
      if (o.value === undefined) st.strings = 3;
      else {
        const n = yield* numeric(o.key, MULTIPLIERS);
        if (typeof n === 'number') return n;
        if (o.key === 'j' || o.key === 'skip-bytes') st.skip = n;
        else if (o.key === 'N' || o.key === 'read-bytes') st.limit = n;
        else st.strings = Number(n);
      }
      return null;
    }
    case 'w': case 'width': {
      const n = o.value === undefined ? 32n : yield* numeric(o.key, '', 10);
      if (typeof n === 'number') return n;
      st.width = n;
      return null;
    }
    case 'v': st.dupes = true; return null;
    case 'traditional': st.traditional = true; return null;
    case 'endian': {
      const match = ['little', 'big'].filter((w) => w.startsWith(v));
      if (match.length !== 1 && !['little', 'big'].includes(v)) {
        yield* warn(prog, `${match.length ? 'ambiguous' : 'invalid'} argument ${quoteC(v)} for '--endian'`);
        yield* writeAll(2, "Valid arguments are:\n  - 'little'\n  - 'big'\n");
        yield* tryHelp(prog);
        return 1;
      }
      st.swap = match[0] === 'big';
      return null;
    }
    default: {
      const r = decodeFormat(o.key === 't' ? v : OLD[o.key]);
      st.specs.push(...r.specs);
      if (r.error) {
        yield* warn(prog, r.error);
        return -1;
      }
      return null;
    }
  }
}

export function* od({ argv }: ProgramArgs): UserGen {
  const prog = argv[0];
  const st: Settings = {
    specs: [], radix: 8, padLen: 7, skip: 0n, limit: null, strings: null, dupes: false, width: null, swap: false, traditional: false, modern: false,
  };
  const r = getoptLong(prog, argv, SPEC);
  let ok = true;
  for (const o of r.ok ? r.opts : optsBefore(argv, r.message)) {
    if (o.key === 'help' || o.key === 'version') {
      yield* writeAll(1, o.key === 'help' ? helpText('od', prog) : versionText('od'));
      return 0;
    }
    const e = yield* applyOpt(o, st, prog);
    if (e === -1) ok = false;
    else if (e !== null) return e;
  }
  if (!r.ok) {
    yield* writeAll(2, r.message);
    yield* tryHelp(prog);
    return 1;
  }
  if (!ok) return 1;
  if (st.strings !== null && st.specs.length) {
    yield* warn(prog, 'no type may be specified when dumping strings');
    return 1;
  }
  let files = [...r.operands];
  let pseudo: bigint | null = null;
  if (!st.modern || st.traditional) {
    const t = st.traditional;
    if (files.length === 1 && (t || files[0][0] === '+')) {
      const o1 = parseOldOffset(files[0]);
      if (o1 !== null) [st.skip, files] = [o1, []];
    } else if (files.length === 2 && (t || /^[+0-9]/.test(files[1]))) {
      const o2 = parseOldOffset(files[1]);
      const o1 = t ? parseOldOffset(files[0]) : null;
      if (o2 !== null && o1 !== null) [st.skip, pseudo, files] = [o1, o2, []];
      else if (o2 !== null) [st.skip, files] = [o2, [files[0]]];
    } else if (files.length === 3 && t) {
      const [o1, o2] = [parseOldOffset(files[1]), parseOldOffset(files[2])];
      if (o1 !== null && o2 !== null) [st.skip, pseudo, files] = [o1, o2, [files[0]]];
    }
    if (t && files.length > 1) {
      yield* warn(prog, `extra operand ${quoteC(files[1])}`);
      yield* warn(prog, 'compatibility mode supports at most one file');
      yield* tryHelp(prog);
      return 1;
    }
  }
  if (pseudo !== null && st.radix === 0) st.padLen = 7;
  let end: bigint | null = null;
  if (st.limit !== null) {
    end = st.skip + st.limit;
    if (end > U64_MAX) {
      yield* warn(prog, 'skip-bytes + read-bytes is too large');
      return 1;
    }
  }
  if (!st.specs.length) st.specs.push(...decodeFormat('oS').specs);
  // stdio's buffer for a file or pipe (st_blksize): check_and_close() sees a write error once it filled.
  const out = new Output(1, 4096);
  const input = new Input(files.length ? files : ['-'], prog, out, st.limit !== null && st.strings === null);
  yield* input.openNext();
  if (input.fd < 0) return yield* out.finish(prog, 1);
  if (!(yield* input.skip(Number(st.skip)))) return 1;
  if (input.fd < 0) return yield* out.finish(prog, 1);
  const addr = new Addresser(st.radix, st.padLen, pseudo === null ? null : BigInt.asUintN(64, pseudo - st.skip));
  const endNum = end === null ? Infinity : Number(end);
  if (st.strings !== null) yield* dumpStrings(input, out, addr, st.strings, Number(st.skip), endNum);
  else {
    const { bpb, warning } = layout(st.specs, st.width);
    if (warning) yield* warn(prog, warning);
    // GNU allocates two blocks of -w bytes and prints lines that long; ours are JS strings, so a
    // width beyond 1 MiB ends as xalloc_die() would (a simplification: GNU may get the memory).
    if (bpb > MAX_BLOCK) {
      yield* warn(prog, 'memory exhausted');
      return 1;
    }
    yield* dump(input, out, addr, st, bpb, Number(st.skip), endNum);
  }
  return yield* out.finish(prog, input.ok ? 0 : 1);
}

// GNU cat 9.1: -A -b -e -E -n -s -t -T -u -v; line numbers and squeezing carry across files.
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { Output, closeInput, openInput, readChunk, warnErrno } from './common.ts';
import { L, parseArgs } from './opts.ts';
import { close } from '../lib/sys.ts';
import { quotef } from './quote.ts';

/** cat.c long_options, in its order (getopt_long lists an ambiguous prefix's matches so). */
const LONG = {
  'number-nonblank': L('b'), number: L('n'), 'squeeze-blank': L('s'), 'show-nonprinting': L('v'),
  'show-ends': L('E'), 'show-tabs': L('T'), 'show-all': L('A'),
};

interface CatFlags { number: boolean; nonblank: boolean; ends: boolean; squeeze: boolean; tabs: boolean; nonprint: boolean }

/** cat -v's notation for one byte (not newline). */
export function visible(c: number, tabs: boolean): string {
  if (c === 9) return tabs ? '^I' : '\t';
  let p = '';
  if (c >= 128) {
    p = 'M-';
    c -= 128;
  }
  if (c < 32) return `${p}^${String.fromCharCode(c + 64)}`;
  if (c === 127) return `${p}^?`;
  return p + String.fromCharCode(c);
}

class Formatter {
  private lineNo = 0;
  private atStart = true;
  private blanks = 0;
  constructor(private readonly f: CatFlags) {}

  format(chunk: string): string {
    const f = this.f;
    let out = '';
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i];
      if (this.atStart) {
        if (ch === '\n') {
          if (++this.blanks > 1 && f.squeeze) continue;
          if (f.number && !f.nonblank) out += `${String(++this.lineNo).padStart(6)}\t`;
          out += f.ends ? '$\n' : '\n';
          continue;
        }
        this.blanks = 0;
        if (f.number || f.nonblank) out += `${String(++this.lineNo).padStart(6)}\t`;
        this.atStart = false;
      }
      if (ch === '\n') {
        out += f.ends ? '$\n' : '\n';
        this.atStart = true;
        this.blanks = 0;
        continue;
      }
      const c = ch.charCodeAt(0);
      if (f.nonprint) out += visible(c, f.tabs);
      else out += f.tabs && c === 9 ? '^I' : ch;
    }
    return out;
  }
}

export function* cat({ argv }: ProgramArgs): UserGen {
  const p = yield* parseArgs(argv, { short: 'AbeEnstTuv', long: LONG }, { name: 'cat' });
  if ('exit' in p) return p.exit;
  const f: CatFlags = { number: false, nonblank: false, ends: false, squeeze: false, tabs: false, nonprint: false };
  for (const { key } of p.opts) {
    switch (key) {
      case 'A': f.nonprint = f.ends = f.tabs = true; break;
      case 'b': f.nonblank = f.number = true; break;
      case 'e': f.nonprint = f.ends = true; break;
      case 'E': f.ends = true; break;
      case 'n': f.number = true; break;
      case 's': f.squeeze = true; break;
      case 't': f.nonprint = f.tabs = true; break;
      case 'T': f.tabs = true; break;
      case 'v': f.nonprint = true; break;
      default: break;
    }
  }
  const plain = !(f.number || f.ends || f.squeeze || f.tabs || f.nonprint);
  const fmt = new Formatter(f);
  const out = new Output(1, 65536);
  let status = 0;
  let readStdin = false;
  for (const name of p.operands.length ? p.operands : ['-']) {
    if (name === '-') readStdin = true;
    const fd = yield* openInput(name);
    if (fd < 0) {
      yield* warnErrno(argv[0], quotef(name), fd);
      status = 1;
      continue;
    }
    for (;;) {
      const r = yield* readChunk(fd);
      if (typeof r === 'number') {
        yield* warnErrno(argv[0], quotef(name), r);
        status = 1;
        break;
      }
      if (r === '') break;
      // Written at once, as cat does each read: typing into `cat` echoes line by line.
      yield* out.put(plain ? r : fmt.format(r));
      yield* out.flush();
      if (out.error) break;
    }
    yield* closeInput(fd);
    if (out.error) break;
  }
  // cat's main(): "if (have_read_stdin && close (STDIN_FILENO) < 0)" reports a closed stdin.
  if (readStdin) {
    const r = yield* close(0);
    if (r < 0) {
      yield* warnErrno(argv[0], 'closing standard input', r);
      status = 1;
    }
  }
  return yield* out.finish(argv[0], status);
}

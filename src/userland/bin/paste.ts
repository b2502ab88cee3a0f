// GNU paste 9.1: corresponding lines of the files joined by the -d delimiters (cycled; TAB by
// default), or with -s each file's lines on one line. paste_parallel()'s rules are kept: the
// delimiters of files already at EOF are held back until more text follows on that line, and
// every '-' takes the next line of the one standard input.
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { Output, warn, warnErrno } from './common.ts';
import { readInput } from './inputs.ts';
import type { Input } from './inputs.ts';
import { L, parseArgs } from './opts.ts';
import { quotef } from './quote.ts';

/** collapse_escapes(): the delimiter list, '' standing for \0 (no delimiter); null if it ends in '\'. */
function delimiters(s: string): string[] | null {
  const d: string[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\') {
      d.push(s[i]);
      continue;
    }
    const c = s[++i];
    if (c === undefined) return null;
    const map: Record<string, string> = { '0': '', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
    d.push(c in map ? map[c] : c);
  }
  return d;
}

class Lines {
  pos = 0;
  constructor(readonly name: string, readonly data: string, readonly err: number) {}
  /** The next line without its delimiter, or null at EOF. */
  next(delim: string): string | null {
    if (this.pos >= this.data.length) return null;
    const i = this.data.indexOf(delim, this.pos);
    const end = i < 0 ? this.data.length : i;
    const line = this.data.slice(this.pos, end);
    this.pos = i < 0 ? end : end + 1;
    return line;
  }
}

export function* paste({ argv }: ProgramArgs): UserGen {
  const long = { serial: L('s'), delimiters: L('d', 'required'), 'zero-terminated': L('z') };
  const p = yield* parseArgs(argv, { short: 'd:sz', long }, { name: 'paste' });
  if ('exit' in p) return p.exit;
  let delimSpec = '\t', serial = false, eol = '\n';
  for (const o of p.opts) {
    if (o.key === 'd') delimSpec = o.value === '' ? '\\0' : o.value ?? '';
    else if (o.key === 's') serial = true;
    else if (o.key === 'z') eol = '\0';
  }
  const delims = delimiters(delimSpec);
  if (!delims) {
    yield* warn(argv[0], `delimiter list ends with an unescaped backslash: ${delimSpec}`);
    return 1;
  }
  const names = p.operands.length ? p.operands : ['-'];
  const out = new Output();
  let status = 0;
  const fail = function* (name: string, err: number): UserGen<void> {
    yield* warnErrno(argv[0], quotef(name), err);
    status = 1;
  };
  if (serial) {
    for (const name of names) {
      const r: Input = yield* readInput(name, argv[0]);
      if ('open' in r) {
        yield* fail(name, r.open);
        continue;
      }
      const data = 'data' in r ? r.data : '';
      if (data !== '') {
        const lines = data.split(eol);
        if (lines[lines.length - 1] === '') lines.pop();
        let text = '';
        lines.forEach((l, i) => {
          text += l;
          if (i < lines.length - 1) text += delims[i % delims.length];
        });
        yield* out.put(text);
      }
      yield* out.put(eol);
      if ('read' in r) yield* fail(name, r.read);
    }
    return yield* out.finish(argv[0], status);
  }
  // paste_parallel(): every file is opened first; one that cannot be is fatal.
  const files: (Lines | null)[] = [];
  let stdin: Lines | null = null;
  for (const name of names) {
    if (name === '-' && stdin) {
      files.push(stdin);
      continue;
    }
    const r: Input = yield* readInput(name, argv[0]);
    if ('open' in r) {
      yield* warnErrno(argv[0], quotef(name), r.open);
      return 1;
    }
    const f = new Lines(name, 'data' in r ? r.data : '', 'read' in r ? r.read : 0);
    if (name === '-') stdin = f;
    files.push(f);
  }
  const open = files.map(() => true);
  let filesOpen = files.length;
  while (filesOpen) {
    let somedone = false, saved = '', d = 0;
    for (let i = 0; i < files.length && filesOpen; i++) {
      const line = open[i] ? files[i]!.next(eol) : null;
      if (line === null) {
        if (open[i]) {
          open[i] = false;
          filesOpen--;
          if (files[i]!.err) yield* fail(files[i]!.name, files[i]!.err);
        }
        if (i + 1 === files.length) {
          if (somedone) yield* out.put(saved + eol);
        } else {
          saved += delims[d];
          d = (d + 1) % delims.length;
        }
      } else {
        yield* out.put(saved + line);
        saved = '';
        somedone = true;
        if (i + 1 !== files.length) {
          yield* out.put(delims[d]);
          d = (d + 1) % delims.length;
        } else yield* out.put(eol);
      }
    }
  }
  return yield* out.finish(argv[0], status);
}

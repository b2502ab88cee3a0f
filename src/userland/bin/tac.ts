// GNU tac 9.1: the records of each file in reverse order. A record ends with the separator
// (-s STRING, a newline by default) or, with -b, begins with it; a last record without its
// separator is printed as it is. -r: the separator is a regular expression in re_compile_pattern's
// default syntax (GNU Emacs: + and ? are operators, \| alternates, no intervals), matched
// backwards from the end as tac.c's re_search does.
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { compileRegex, RegexError } from '../text/regex.ts';
import type { PosixRegex } from '../text/regex.ts';
import { Output, warn, warnErrno } from './common.ts';
import { readInput } from './inputs.ts';
import { L, parseArgs } from './opts.ts';
import { quote, quotef } from './quote.ts';

/** Reverse the records of `data` split by `sep`. */
export function tacData(data: string, sep: string, before: boolean): string {
  const recs: string[] = [];
  let start = 0;
  for (;;) {
    const i = data.indexOf(sep, before ? start + (start === 0 ? 0 : sep.length) : start);
    if (i < 0) break;
    if (before) {
      if (i > 0) recs.push(data.slice(start, i));
      start = i;
    } else {
      recs.push(data.slice(start, i + sep.length));
      start = i + sep.length;
    }
  }
  if (start < data.length) recs.push(data.slice(start));
  return recs.reverse().join('');
}

/** RE_SYNTAX_EMACS (re_syntax_options 0) as a GNU BRE: '+' and '?' operators, '\{' '\}' literal. */
export function emacsToBre(p: string): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '[') {
      // A bracket expression is copied whole: ']' first is literal, [:class:] is not special here.
      let j = i + 1;
      if (p[j] === '^') j++;
      if (p[j] === ']') j++;
      while (j < p.length && p[j] !== ']') j++;
      out += p.slice(i, j + 1);
      i = j;
    } else if (c === '\\' && i + 1 < p.length) {
      const n = p[++i];
      out += n === '+' || n === '?' || n === '{' || n === '}' ? n : `\\${n}`;
    } else out += c === '+' || c === '?' ? `\\${c}` : c;
  }
  return out;
}

/** tac -r: records split at the matches found searching backwards, each within what precedes the last one. */
export function tacRegex(data: string, re: PosixRegex, before: boolean): string {
  const starts: number[] = [];
  for (let p = 0; p <= data.length;) {
    const m = re.exec(data, p);
    if (!m) break;
    starts.push(m.index);
    p = m.index + 1;
  }
  let out = '';
  let pastEnd = data.length, pos = data.length, first = true;
  for (let k = starts.length - 1; k >= 0; k--) {
    const p = starts[k];
    if (p > pos - 1) continue;
    const m = re.exec(data.slice(0, pos), p);
    if (!m || m.index !== p) continue;
    if (before) {
      out += data.slice(p, pastEnd);
      pastEnd = p;
    } else {
      if (!first || m.end !== pastEnd) out += data.slice(m.end, pastEnd);
      pastEnd = m.end;
      first = false;
    }
    pos = p;
  }
  return out + data.slice(0, pastEnd);
}

export function* tac({ argv }: ProgramArgs): UserGen {
  const long = { before: L('b'), regex: L('r'), separator: L('s', 'required') };
  const p = yield* parseArgs(argv, { short: 'brs:', long }, { name: 'tac' });
  if ('exit' in p) return p.exit;
  let sep = '\n', before = false, regex = false;
  for (const o of p.opts) {
    if (o.key === 'b') before = true;
    else if (o.key === 's') sep = o.value ?? '';
    else if (o.key === 'r') regex = true;
  }
  if (regex && sep === '') {
    yield* warn(argv[0], 'separator cannot be empty');
    return 1;
  }
  // An empty -s is the C string's terminator: records end with NUL.
  if (sep === '') sep = '\0';
  let re: PosixRegex | null = null;
  if (regex) {
    try {
      re = compileRegex(emacsToBre(sep));
    } catch (e) {
      if (!(e instanceof RegexError)) throw e;
      yield* warn(argv[0], e.message);
      return 1;
    }
  }
  const out = new Output();
  let status = 0;
  for (const name of p.operands.length ? p.operands : ['-']) {
    const r = yield* readInput(name, argv[0]);
    if ('open' in r) {
      yield* warnErrno(argv[0], `failed to open ${quote(name)} for reading`, r.open);
      status = 1;
      continue;
    }
    if ('read' in r) {
      // tac seeks to the end of a file first: a directory fails there, with EINVAL.
      yield* warn(argv[0], `${quotef(name)}: read error: Invalid argument`);
      status = 1;
      continue;
    }
    yield* out.put(re ? tacRegex(r.data, re, before) : tacData(r.data, sep, before));
  }
  return yield* out.finish(argv[0], status);
}

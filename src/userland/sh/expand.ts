// Word expansion, after dash's expand.c: tilde, parameter, command and arithmetic expansion
// (argstr/evalvar/varvalue/expbackq/expari), then field splitting (fields.ts), pathname
// expansion (glob.ts) and quote removal. Each part of a word becomes segments that remember
// whether they were quoted and whether they came from an unquoted expansion.
import type { ParamPart, Part, Word } from './ast.ts';
import type { UserGen } from '../../uapi/syscalls.ts';
import { evalArith } from './arithctx.ts';
import { ShError } from './errors.ts';
import { escapeGlob, fieldHasMeta, fieldPattern, fieldText, ifsbreakup } from './fields.ts';
import type { Seg } from './fields.ts';
import { glob } from './glob.ts';
import type { GlobOpts } from './glob.ts';
import { chargeMatching, trim } from './pattern.ts';
import { trimNul } from './trimlist.ts';
import type { ShState } from './state.ts';
import { lookupvar, setvar } from './vars.ts';
import { clockGettime, getpid } from '../lib/sys.ts';
import { evalBackcmd, procsub } from './backcmd.ts';
import { bashParam } from './bashexpand.ts';
import { tilde, varTilde } from './tilde.ts';
import { braceExpand } from './bashbrace.ts';

export const EXP_FULL = 1, EXP_TILDE = 2, EXP_VARTILDE = 4, EXP_REDIR = 8, EXP_CASE = 0x10,
  EXP_WORD = 0x80, EXP_QUOTED = 0x100;

/** The context of one expansion: where segments go. */
interface Ctx {
  segs: Seg[];
  /** A quoted "$@" with parameters recorded its IFS region where nothing had been expanded yet. */
  leadNul?: boolean;
}

/** Has an IFS region been recorded in this word yet (an unquoted expansion, or "$@")? */
const hasRegion = (segs: Seg[]): boolean => segs.some((g) => g.split || g.keep || g.brk || g.nul);

const push = (x: Ctx, s: string, q: boolean, split: boolean): void => {
  x.segs.push({ s, q, split });
};

/** Expand words into fields (arguments of a command, for-loop words). */
export function* expandArgs(sh: ShState, words: Word[], flag = EXP_FULL | EXP_TILDE): UserGen<string[]> {
  const out: string[] = [];
  if (sh.bash && (flag & EXP_FULL)) words = words.flatMap(braceExpand);
  for (const w of words) {
    const fast = fastWord(w, flag);
    if (fast !== null) {
      out.push(fast);
      continue;
    }
    const x: Ctx = { segs: [] };
    yield* argstr(sh, w, flag, x);
    if (!(flag & EXP_FULL)) {
      out.push(segText(x.segs));
      continue;
    }
    const ifs = lookupvar(sh, 'IFS');
    const fields = ifsbreakup(x.segs, ifs, true);
    for (const f of fields) {
      if (!sh.opts.f && fieldHasMeta(f, sh.bash && sh.shopt.has('extglob'))) {
        const matches = yield* glob(fieldPattern(f), sh.bash ? globOpts(sh) : undefined);
        if (matches.length) {
          out.push(...matches);
          continue;
        }
        if (sh.bash && sh.shopt.has('nullglob')) continue;
        if (sh.bash && sh.shopt.has('failglob')) {
          const e = new ShError(`no match: ${fieldText(f)}`, 1);
          e.discard = true;
          throw e;
        }
      }
      out.push(fieldText(f));
    }
  }
  return out;
}

/** bash's glob options from shopt. */
function globOpts(sh: ShState): GlobOpts {
  return { dotglob: sh.shopt.has('dotglob'), skipdots: sh.shopt.has('globskipdots'), nocase: sh.shopt.has('nocaseglob'),
    extglob: sh.shopt.has('extglob'), globstar: sh.shopt.has('globstar') };
}

/** A word that needs no expansion at all: plain text without ~, globs or quotes to remove. */
function fastWord(w: Word, flag: number): string | null {
  if (w.length !== 1) return null;
  const p = w[0];
  if (p.k !== 'lit') return null;
  if (p.q) return p.s;
  if ((flag & (EXP_TILDE | EXP_VARTILDE)) && p.s.includes('~')) return null;
  if ((flag & EXP_FULL) && hasGlobMeta(p.s)) return null;
  return p.s;
}

/** dash's expmeta() test: * or ?, or [ with a ] after it (before any /). */
function hasGlobMeta(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 42 || c === 63) return true;
    if (c === 91) {
      const close = s.indexOf(']', i + 2);
      const slash = s.indexOf('/', i);
      if (close >= 0 && (slash < 0 || close < slash)) return true;
    }
  }
  return false;
}

function segText(segs: Seg[]): string {
  let s = '';
  for (const g of segs) s += g.s;
  return s;
}

/** Expand a word to one string without splitting or globbing (assignments, redirections). */
export function* expandString(sh: ShState, w: Word, flag = EXP_TILDE): UserGen<string> {
  const fast = fastWord(w, flag);
  if (fast !== null) return fast;
  const x: Ctx = { segs: [] };
  yield* argstr(sh, w, flag, x);
  return segText(x.segs);
}

/** Expand a word as a pattern (case items, ${x#pattern}): quoted characters escaped. */
export function* expandPattern(sh: ShState, w: Word): UserGen<string> {
  const x: Ctx = { segs: [] };
  yield* argstr(sh, w, EXP_TILDE | EXP_CASE, x);
  let s = '';
  for (const g of x.segs) s += g.q ? escapeGlob(g.s) : g.s;
  return s;
}

/** dash's argstr(): expand each part of a word into segments. */
function* argstr(sh: ShState, w: Word, flag: number, x: Ctx): UserGen<void> {
  const quotedCtx = (flag & EXP_QUOTED) !== 0;
  const breakall = (flag & (EXP_WORD | EXP_QUOTED)) === EXP_WORD;
  for (let i = 0; i < w.length; i++) {
    const part = w[i];
    switch (part.k) {
      case 'lit': {
        let s = part.s;
        if (!part.q && !quotedCtx) {
          if (i === 0 && (flag & EXP_TILDE) && s[0] === '~') {
            const t = yield* tilde(sh, w, s, (flag & EXP_VARTILDE) !== 0);
            if (t) {
              // dash's strtodest() of an empty $HOME leaves no quoted trace: the field can go.
              if (t.home !== '' || sh.bash) push(x, t.home, true, false);
              s = s.slice(t.len);
            }
          }
          if ((flag & EXP_VARTILDE) && s.includes('~')) {
            yield* varTilde(sh, w, i, s, breakall, (t, q, split) => push(x, t, q, split));
            continue;
          }
        }
        push(x, s, part.q || quotedCtx, breakall && !part.q);
        break;
      }
      case 'param':
        yield* evalvar(sh, part, flag, x);
        break;
      case 'cmd': {
        const q = part.q || quotedCtx;
        const out = yield* evalBackcmd(sh, part.body);
        push(x, out, q, !q);
        break;
      }
      case 'arith': {
        const q = part.q || quotedCtx;
        const ex: Ctx = { segs: [] };
        yield* argstr(sh, part.parts, 0, ex);
        const r = evalArith(sh, segText(ex.segs));
        push(x, r.toString(), q, !q);
        break;
      }
      case 'array':
        // Only meaningful as an assignment value; elsewhere bash prints the text.
        break;
      case 'procsub':
        push(x, yield* procsub(sh, part.dir, part.body), quotedCtx, false);
        break;
    }
  }
}

/** The value of a parameter; null if unset. $@ and $* return the list. */
function varvalue(sh: ShState, name: string): string | null {
  switch (name) {
    case '$': return String(sh.rootpid);
    case '?': return String(sh.exitstatus);
    case '#': return String(sh.params.length);
    case '!': return sh.bgpid === 0 ? null : String(sh.bgpid);
    case '-': return optionLetters(sh);
    case '0': return sh.arg0;
  }
  const c = name.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    const n = Number(name);
    return n <= sh.params.length ? sh.params[n - 1] : null;
  }
  return lookupvar(sh, name);
}

export function optionLetters(sh: ShState): string {
  if (sh.bash) {
    // bash's flags table order, then c or s.
    let s = '';
    for (const l of 'abefhikmnptuvxBCEHPT') if (sh.opts[l]) s += l;
    if (sh.minusc !== null) s += 'c';
    else if (sh.opts.s) s += 's';
    return s;
  }
  const order = ['p', 'u', 'b', 'a', 'C', 'E', 'V', 'v', 'x', 's', 'n', 'm', 'i', 'I', 'f', 'e'];
  let s = '';
  for (const l of order) if (sh.opts[l]) s += l;
  return s;
}

/** The separator "$*" joins with: the first character of IFS, a space if IFS is unset. */
export function starSep(sh: ShState): string {
  const ifs = lookupvar(sh, 'IFS');
  return ifs === null ? ' ' : ifs.slice(0, 1);
}

/** dash's evalvar(). */
function* evalvar(sh: ShState, p: ParamPart, flag: number, x: Ctx): UserGen<void> {
  const quoted = p.q || (flag & EXP_QUOTED) !== 0;
  if (p.index !== null || p.indirect || p.op === 'sub' || p.op === '/' || p.op === '//' || p.op === '/#' || p.op === '/%' ||
      p.op === '^' || p.op === '^^' || p.op === ',' || p.op === ',,' || p.op === 'ind' || p.op === '@' ||
      p.op === 'names@' || p.op === 'names*') {
    const listName = p.op === 'names@' ? '@' : p.op === 'names*' ? '*' : p.index !== null ? '@' : p.name;
    yield* bashParam(sh, p, flag, quoted, (s, q) => push(x, s, q, !q),
      (items) => pushList(sh, items, indexIsStar(p) ? '*' : listName, quoted, flag, x));
    return;
  }
  if (p.op === 'bad') throw new ShError('Bad substitution');
  if (sh.bash && (p.name === 'SECONDS' || p.name.startsWith('EPOCH'))) sh.bashDyn.nowNs = yield* clockGettime(0);
  else if (sh.bash && p.name === 'BASHPID') sh.bashDyn.pid = yield* getpid();
  // The operand of a quoted ${x-word} is quoted as a whole.
  const aflag = ((quoted ? flag | EXP_QUOTED : flag) & ~EXP_VARTILDE) | EXP_TILDE | EXP_WORD;
  const name = p.name;
  const isList = name === '@' || name === '*';
  let val: string | null;
  if (isList) val = sh.params.length ? null : '';
  else val = varvalue(sh, name);
  // For $@/$*, "set" means the expansion has at least one character (dash's varlen), counting
  // the separators varvalue() puts between the parameters: in a split word (EXP_FULL) "$@" and
  // unquoted $@/$* always have one (a NUL when IFS is empty), while quoted "$*", the other
  // contexts and ${x+...} (whose varvalue() drops EXP_FULL) use the first character of IFS.
  let set: boolean;
  if (isList) {
    const alwaysSep = !sh.bash && (flag & EXP_FULL) !== 0 && p.op !== '+' && (name === '@' || !quoted);
    val = sh.params.join(starSep(sh));
    // bash: $@ and $* with no parameters are unset for ${@-w} ${@+w} (dash: always set).
    set = p.colon ? (alwaysSep && sh.params.length > 1) || val !== '' : !sh.bash || sh.params.length > 0;
  } else set = val !== null && !(p.colon && val === '');
  if (p.op === '' && p.colon && !sh.bash) {
    // ${x:}word}: parsesub() finds '}' in "}-+?=" after the ':', so the subtype is
    // VSNUL|VSNORMAL and the text up to the next '}' is the word. evalvar() treats it as $x
    // (its VSNUL varlen-- makes an empty x "unset" for set -u) and returns p at the word, which
    // argstr() goes on expanding as plain text of the enclosing word.
    if (!set && sh.opts.u) throw new ShError(`${name}: parameter not set`);
    if (set) {
      if (isList) pushList(sh, sh.params, name, quoted, flag, x);
      else push(x, val ?? '', quoted, !quoted);
    }
    if (p.arg) yield* argstr(sh, p.arg, (quoted ? flag | EXP_QUOTED : flag) & ~(EXP_TILDE | EXP_VARTILDE), x);
    return;
  }
  switch (p.op) {
    case '-':
      if (!set) {
        // bash keeps a quoted "${@-}" as one empty word: the word used is quoted, even if empty.
        if (sh.bash && quoted) push(x, '', true, false);
        if (p.arg) yield* argstr(sh, p.arg, aflag, x);
        return;
      }
      break;
    case '+':
      if (set && p.arg) yield* argstr(sh, p.arg, aflag, x);
      // dash records an IFS region over an unquoted ${x+word}'s expansion; an empty one (x
      // unset, or no word) ends a "$@"'s afternul (see fields.ts). Over a word that expanded,
      // the rescan of its text is not modelled.
      else if (!quoted && !sh.bash) push(x, '', false, true);
      return;
    case '=':
      if (!set) {
        let v = '';
        if (p.arg) {
          const w: Ctx = { segs: [] };
          yield* argstr(sh, p.arg, EXP_TILDE, w);
          v = segText(w.segs);
          // subevalvar() drops the regions the word recorded with removerecordregions(startloc),
          // which leaves the first region of the whole argument in place, emptied, when it began
          // at the word's start: a quoted "$@" there stays a nulonly region, and the value's
          // split region after it counts as afternul (its spaces delimit like ':').
          if (w.leadNul && !sh.bash && !hasRegion(x.segs)) x.segs.push({ s: '', q: false, split: false, nul: true });
        }
        setvar(sh, name, v);
        val = v;
      }
      break;
    case '?':
      if (!set) {
        if (!p.arg || p.arg.length === 0) {
          throw new ShError(`${name}: parameter not set${p.colon ? ' or null' : ''}`, 2, `${name}: parameter null or not set`);
        }
        throw new ShError(`${name}: ${yield* expandString(sh, p.arg, EXP_TILDE)}`);
      }
      break;
    default:
      if (val === null && sh.opts.u) throw new ShError(`${name}: parameter not set`, 2, `${name}: unbound variable`);
  }
  if (p.op === 'len') {
    const n = isList ? (sh.bash ? sh.params.length : (val ?? '').length) : (val ?? '').length;
    push(x, String(n), quoted, !quoted);
    return;
  }
  if (p.op === '#' || p.op === '##' || p.op === '%' || p.op === '%%') {
    // An unset variable's pattern is not expanded (dash's EXP_DISCARD, bash alike): no
    // assignments or command substitutions run in it.
    const pat = p.arg && (isList || val !== null) ? yield* expandPattern(sh, p.arg) : '';
    const ext = sh.bash && sh.shopt.has('extglob');
    // dash's varvalue() separates the parameters with NUL in a split word (quoted "$@", or
    // unquoted with IFS set) and trims the joined string (see trimlist.ts).
    if (isList && !sh.bash && flag & EXP_FULL && (quoted ? name === '@' : lookupvar(sh, 'IFS') !== null)) {
      const cut = trimNul(sh.params, quoted, pat, p.op);
      yield* chargeMatching();
      if (quoted) pushList(sh, cut, name, true, flag, x);
      else push(x, cut.join('\0'), false, true);
      return;
    }
    const cut = isList && sh.bash ? sh.params.map((v) => trim(v, pat, p.op as '#', ext)) : trim(val ?? '', pat, p.op, ext);
    yield* chargeMatching();
    // An unset variable records no IFS region in dash (evalvar()'s EXP_DISCARD).
    if (val === null && !sh.bash) return;
    if (typeof cut !== 'string') {
      pushList(sh, cut, name, quoted, flag, x);
      return;
    }
    push(x, cut, quoted, !quoted);
    return;
  }
  if (isList) {
    pushList(sh, sh.params, name, quoted, flag, x);
    return;
  }
  if (val !== null) push(x, val, quoted, !quoted);
  else if (!quoted && sh.bash) push(x, '', false, true);
}

function indexIsStar(p: ParamPart): boolean {
  const w = p.index;
  return p.name === '*' || (!!w && w.length === 1 && w[0].k === 'lit' && w[0].s === '*');
}

/** $@ and $*: quoted "$@" makes one field per parameter; otherwise they are joined. */
function pushList(sh: ShState, params: string[], name: string, quoted: boolean, flag: number, x: Ctx): void {
  if (quoted && name === '@' && params.length && !hasRegion(x.segs) && x.segs.every((g) => g.s === '')) x.leadNul = true;
  if (quoted && name === '@' && (flag & EXP_FULL)) {
    params.forEach((v, i) => {
      if (i > 0) x.segs.push({ s: '', q: true, split: false, brk: true });
      x.segs.push({ s: v, q: true, split: false, keep: true });
    });
    return;
  }
  if (!quoted && (flag & EXP_FULL)) {
    // Separated by NUL, which field splitting always treats as IFS whitespace.
    push(x, params.join('\0'), false, true);
    return;
  }
  const sep = quoted || !(flag & EXP_FULL) ? starSep(sh) : ' ';
  push(x, params.join(sep), quoted, !quoted);
}

export type { Part };

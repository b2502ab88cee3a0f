// tr's SET operands as coreutils 9.1 tr.c reads them: unquote() decodes the backslash escapes
// (with its two warnings), build_spec_list() turns the bytes into elements ([:class:], [=c=],
// [c*n], ranges, single bytes), and validate() checks the pair for the operation.
import { classRanges } from './bracket.ts';

export class TrError extends Error {}

export type Elem =
  | { t: 'char'; c: number }
  | { t: 'range'; a: number; b: number }
  | { t: 'class'; name: string; chars: number[] }
  | { t: 'equiv'; c: number }
  /** n = 0: the indefinite [c*] (or [c*0]). */
  | { t: 'repeat'; c: number; n: number };

interface EString { s: number[]; escaped: boolean[] }

const OCT = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '7';

/** unquote(): the escapes decoded, each decoded byte marked so it never starts a construct. */
function unquote(arg: string, warn: (msg: string) => void): EString {
  const es: EString = { s: [], escaped: [] };
  const simple: Record<string, number> = { '\\': 92, a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11 };
  for (let i = 0; i < arg.length; i++) {
    if (arg[i] !== '\\') { es.s.push(arg.charCodeAt(i)); es.escaped.push(false); continue; }
    const d = arg[i + 1];
    let c: number;
    if (d === undefined) {
      warn('warning: an unescaped backslash at end of string is not portable');
      c = 92;
    } else if (d in simple) c = simple[d];
    else if (OCT(d)) {
      c = Number(d);
      if (OCT(arg[i + 2])) {
        c = 8 * c + Number(arg[i + 2]);
        i++;
        if (OCT(arg[i + 2])) {
          // A third digit past \377 stays a separate byte, with a warning.
          if (8 * c + Number(arg[i + 2]) < 256) { c = 8 * c + Number(arg[i + 2]); i++; } else {
            const [x, y, z] = [arg[i], arg[i + 1], arg[i + 2]];
            warn(`warning: the ambiguous octal escape \\${x}${y}${z} is being\n\tinterpreted as the 2-byte sequence \\0${x}${y}, ${z}`);
          }
        }
      }
    } else c = d.charCodeAt(0);
    i++;
    es.s.push(c);
    es.escaped.push(true);
  }
  return es;
}

/** make_printable_str(): C escapes and \ooo for what is not printable. */
function printable(bytes: number[]): string {
  const names: Record<number, string> = { 7: '\\a', 8: '\\b', 12: '\\f', 10: '\\n', 13: '\\r', 9: '\\t', 11: '\\v', 92: '\\\\' };
  return bytes.map((c) => names[c] ?? (c >= 32 && c < 127 ? String.fromCharCode(c) : `\\${c.toString(8).padStart(3, '0')}`)).join('');
}

/** make_printable_char(): \ooo for anything not printable. */
const printChar = (c: number): string => (c >= 32 && c < 127 ? String.fromCharCode(c) : `\\${c.toString(8).padStart(3, '0')}`);

/** build_spec_list(). */
export function parseSpec(arg: string, warn: (msg: string) => void): Elem[] {
  const es = unquote(arg, warn);
  const p = es.s;
  const len = p.length;
  const is = (i: number, ch: string): boolean => i < len && p[i] === ch.charCodeAt(0) && !es.escaped[i];
  const out: Elem[] = [];
  // find_bracketed_repeat(): i is the byte after '['. null: not one; the count otherwise.
  const repeat = (i: number): { n: number; close: number } | null => {
    if (!is(i + 1, '*')) return null;
    for (let j = i + 2; j < len && !es.escaped[j]; j++) {
      if (p[j] !== 0x5d) continue;
      const digits = String.fromCharCode(...p.slice(i + 2, j));
      if (!digits) return { n: 0, close: j };
      const ok = digits[0] === '0' ? /^[0-7]+$/.test(digits) : /^\d+$/.test(digits);
      const n = ok ? parseInt(digits, digits[0] === '0' ? 8 : 10) : NaN;
      if (!ok || n > 2 ** 64 - 1) throw new TrError(`invalid repeat count '${printable(p.slice(i + 2, j))}' in [c*n] construct`);
      return { n, close: j };
    }
    return null;
  };
  // star_digits_closebracket(): "*DIGITS]" follows, so "[:*3]" is a repeat of ':'.
  const starDigits = (i: number): boolean => {
    if (!is(i, '*')) return false;
    let j = i + 1;
    while (j < len && p[j] >= 0x30 && p[j] <= 0x39 && !es.escaped[j]) j++;
    return is(j, ']');
  };
  let i = 0;
  while (i + 2 < len) {
    if (is(i, '[')) {
      if (is(i + 1, ':') || is(i + 1, '=')) {
        const delim = String.fromCharCode(p[i + 1]);
        let close = -1;
        for (let j = i + 2; j + 1 < len; j++) if (is(j, delim) && is(j + 1, ']')) { close = j; break; }
        if (close >= 0) {
          const opnd = p.slice(i + 2, close);
          if (!opnd.length) throw new TrError(delim === ':' ? "missing character class name '[::]'" : "missing equivalence class character '[==]'");
          const name = String.fromCharCode(...opnd);
          const ranges = delim === ':' ? classRanges(name) : undefined;
          if (delim === ':' && ranges) {
            const chars: number[] = [];
            for (const [a, b] of ranges) for (let c = a; c <= b; c++) chars.push(c);
            out.push({ t: 'class', name, chars });
            i = close + 2;
            continue;
          }
          if (delim === '=' && opnd.length === 1) {
            out.push({ t: 'equiv', c: opnd[0] });
            i = close + 2;
            continue;
          }
          if (!starDigits(i + 2)) {
            throw new TrError(delim === ':' ? `invalid character class '${printable(opnd)}'` : `${printable(opnd)}: equivalence class operand must be a single character`);
          }
        }
      }
      const r = repeat(i + 1);
      if (r) {
        out.push({ t: 'repeat', c: p[i + 1], n: r.n });
        i = r.close + 1;
        continue;
      }
    }
    if (is(i + 1, '-')) {
      if (p[i + 2] < p[i]) {
        throw new TrError(`range-endpoints of '${printChar(p[i])}-${printChar(p[i + 2])}' are in reverse collating sequence order`);
      }
      out.push({ t: 'range', a: p[i], b: p[i + 2] });
      i += 3;
    } else out.push({ t: 'char', c: p[i++] });
  }
  for (; i < len; i++) out.push({ t: 'char', c: p[i] });
  return out;
}

export function elemLength(e: Elem): number {
  return e.t === 'range' ? e.b - e.a + 1 : e.t === 'class' ? e.chars.length : e.t === 'repeat' ? e.n : 1;
}

/** The bytes of a set, in order; the indefinite repeat fills up to `fillTo`. */
export function expand(elems: Elem[], fillTo = 0): number[] {
  const fixed = elems.reduce((n, e) => n + elemLength(e), 0);
  const out: number[] = [];
  for (const e of elems) {
    if (e.t === 'char' || e.t === 'equiv') out.push(e.c);
    else if (e.t === 'range') for (let c = e.a; c <= e.b; c++) out.push(c);
    else if (e.t === 'class') out.push(...e.chars);
    else for (let k = e.n || Math.max(0, fillTo - fixed); k > 0; k--) out.push(e.c);
  }
  return out;
}

const caseClass = (e: Elem | undefined): boolean => e?.t === 'class' && (e.name === 'upper' || e.name === 'lower');

/**
 * validate_case_classes(): walk both sets as get_next() does; where string2 starts an
 * [:upper:] or [:lower:], string1 must start one too, and both are skipped whole.
 */
function caseClassesAligned(s1: Elem[], s2: Elem[], fillLen: number): boolean {
  const e1 = s1.filter((e) => elemLength(e) > 0);
  const e2 = s2.map((e): Elem => (e.t === 'repeat' && e.n === 0 ? { ...e, n: fillLen } : e)).filter((e) => elemLength(e) > 0);
  let i1 = 0, o1 = 0, i2 = 0, o2 = 0;
  let new1 = true, new2 = true;
  for (;;) {
    const end1 = i1 >= e1.length;
    const end2 = i2 >= e2.length;
    const class1 = !end1 && caseClass(e1[i1]);
    const class2 = !end2 && caseClass(e2[i2]);
    if (new2 && class2 && !(new1 && class1)) return false;
    if (end1 || end2) return true;
    if (class2) {
      i1++; o1 = 0; i2++; o2 = 0;
    } else {
      if (++o1 >= elemLength(e1[i1])) { i1++; o1 = 0; }
      if (++o2 >= elemLength(e2[i2])) { i2++; o2 = 0; }
    }
    new1 = o1 === 0;
    new2 = o2 === 0;
  }
}

export interface Validated { set1: number[]; set2: number[] }

/** validate() and the set arithmetic after it; throws TrError with tr's message. */
export function validate(s1: Elem[], s2: Elem[] | null, o: { complement: boolean; translating: boolean; truncate: boolean }): Validated {
  if (s1.some((e) => e.t === 'repeat' && e.n === 0)) throw new TrError('the [c*] repeat construct may not appear in string1');
  let set1 = expand(s1);
  if (o.complement) {
    const member = new Uint8Array(256);
    for (const c of set1) member[c] = 1;
    set1 = [];
    for (let c = 0; c < 256; c++) if (!member[c]) set1.push(c);
  }
  if (!s2) return { set1, set2: [] };
  const indefinite = s2.filter((e) => e.t === 'repeat' && e.n === 0).length;
  if (indefinite > 1) throw new TrError('only one [c*] repeat construct may appear in string2');
  const fixed2 = s2.reduce((n, e) => n + elemLength(e), 0);
  const fillLen = Math.max(0, set1.length - fixed2);
  let set2 = expand(s2, set1.length);
  if (!o.translating) {
    if (indefinite) throw new TrError('the [c*] construct may appear in string2 only when translating');
    return { set1, set2 };
  }
  if (s2.some((e) => e.t === 'equiv')) throw new TrError('[=c=] expressions may not appear in string2 when translating');
  if (s2.some((e) => e.t === 'class' && !caseClass(e))) {
    throw new TrError("when translating, the only character classes that may appear in\nstring2 are 'upper' and 'lower'");
  }
  if (!o.complement && s2.some(caseClass) && !caseClassesAligned(s1, s2, fillLen)) {
    throw new TrError('misaligned [:upper:] and/or [:lower:] construct');
  }
  if (set1.length > set2.length && !o.truncate) {
    if (!set2.length) throw new TrError('when not truncating set1, string2 must be non-empty');
    // string2_extend(): the last element's last byte fills it; a class may not end it.
    if (s2[s2.length - 1].t === 'class') {
      throw new TrError('when translating with string1 longer than string2,\nthe latter string must not end with a character class');
    }
    set2 = set2.concat(new Array<number>(set1.length - set2.length).fill(set2[set2.length - 1]));
  }
  if (o.complement && s1.some((e) => e.t === 'class') && !(set2.length === set1.length && set2.every((c) => c === set2[0]))) {
    throw new TrError('when translating with complemented character classes,\nstring2 must map all characters in the domain to one');
  }
  return { set1, set2 };
}

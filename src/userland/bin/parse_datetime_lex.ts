// The lexer and word tables of gnulib's parse-datetime.y (as in coreutils 9.1): numbers with
// their sign and digit count, decimal seconds to ns, words looked up case-insensitively
// (meridians, months and days with 3-letter abbreviations, zones, units with a plural 's',
// relative words, military letters, zones with the periods dropped), parenthesised comments
// skipped, any other byte returned as itself.

export type TokType =
  | 'UNUM' | 'SNUM' | 'UDEC' | 'SDEC' | 'MERIDIAN' | 'MONTH' | 'DAY' | 'ZONE' | 'DAYZONE' | 'DST'
  | 'YEAR_UNIT' | 'MONTH_UNIT' | 'DAY_UNIT' | 'HOUR_UNIT' | 'MINUTE_UNIT' | 'SEC_UNIT'
  | 'DAY_SHIFT' | 'ORDINAL' | 'AGO' | 'T' | 'CHAR' | 'END' | 'ERROR';

export interface Tok {
  t: TokType;
  /** Word value, number value (signed), or a decimal's whole seconds (floored). */
  v: number;
  /** Digits of a number (not counting its sign). */
  digits: number;
  negative: boolean;
  /** A decimal's nanoseconds, 0..999999999. */
  ns: number;
  /** The byte of a CHAR token. */
  ch: string;
}

export const MER_AM = 0;
export const MER_PM = 1;
export const MER_24 = 2;

const H = 3600;
type Entry = [TokType, number];

const MERIDIANS: Record<string, Entry> = { AM: ['MERIDIAN', MER_AM], 'A.M.': ['MERIDIAN', MER_AM], PM: ['MERIDIAN', MER_PM], 'P.M.': ['MERIDIAN', MER_PM] };

/** month_and_day_table, in its order: a 3-letter word matches the first entry it begins. */
const MONTH_AND_DAY: [string, TokType, number][] = [
  ['JANUARY', 'MONTH', 1], ['FEBRUARY', 'MONTH', 2], ['MARCH', 'MONTH', 3], ['APRIL', 'MONTH', 4],
  ['MAY', 'MONTH', 5], ['JUNE', 'MONTH', 6], ['JULY', 'MONTH', 7], ['AUGUST', 'MONTH', 8],
  ['SEPTEMBER', 'MONTH', 9], ['SEPT', 'MONTH', 9], ['OCTOBER', 'MONTH', 10], ['NOVEMBER', 'MONTH', 11],
  ['DECEMBER', 'MONTH', 12], ['SUNDAY', 'DAY', 0], ['MONDAY', 'DAY', 1], ['TUESDAY', 'DAY', 2],
  ['TUES', 'DAY', 2], ['WEDNESDAY', 'DAY', 3], ['WEDNES', 'DAY', 3], ['THURSDAY', 'DAY', 4],
  ['THUR', 'DAY', 4], ['THURS', 'DAY', 4], ['FRIDAY', 'DAY', 5], ['SATURDAY', 'DAY', 6],
];

const UNITS: Record<string, Entry> = {
  YEAR: ['YEAR_UNIT', 1], MONTH: ['MONTH_UNIT', 1], FORTNIGHT: ['DAY_UNIT', 14], WEEK: ['DAY_UNIT', 7],
  DAY: ['DAY_UNIT', 1], HOUR: ['HOUR_UNIT', 1], MINUTE: ['MINUTE_UNIT', 1], MIN: ['MINUTE_UNIT', 1],
  SECOND: ['SEC_UNIT', 1], SEC: ['SEC_UNIT', 1],
};

/** relative_time_table ("SECOND" is a unit, not an ordinal, there too). */
const RELATIVE: Record<string, Entry> = {
  TOMORROW: ['DAY_SHIFT', 1], YESTERDAY: ['DAY_SHIFT', -1], TODAY: ['DAY_SHIFT', 0], NOW: ['DAY_SHIFT', 0],
  LAST: ['ORDINAL', -1], THIS: ['ORDINAL', 0], NEXT: ['ORDINAL', 1], FIRST: ['ORDINAL', 1],
  THIRD: ['ORDINAL', 3], FOURTH: ['ORDINAL', 4], FIFTH: ['ORDINAL', 5], SIXTH: ['ORDINAL', 6],
  SEVENTH: ['ORDINAL', 7], EIGHTH: ['ORDINAL', 8], NINTH: ['ORDINAL', 9], TENTH: ['ORDINAL', 10],
  ELEVENTH: ['ORDINAL', 11], TWELFTH: ['ORDINAL', 12], AGO: ['AGO', -1], HENCE: ['AGO', 1],
};

/** universal_time_zone_table, then time_zone_table (seconds east of UTC; DAYZONE adds an hour). */
const ZONES: Record<string, Entry> = {
  GMT: ['ZONE', 0], UT: ['ZONE', 0], UTC: ['ZONE', 0],
  WET: ['ZONE', 0], WEST: ['DAYZONE', 0], BST: ['DAYZONE', 0], ART: ['ZONE', -3 * H], BRT: ['ZONE', -3 * H],
  BRST: ['DAYZONE', -3 * H], NST: ['ZONE', -(3 * H + 1800)], NDT: ['DAYZONE', -(3 * H + 1800)],
  AST: ['ZONE', -4 * H], ADT: ['DAYZONE', -4 * H], CLT: ['ZONE', -4 * H], CLST: ['DAYZONE', -4 * H],
  EST: ['ZONE', -5 * H], EDT: ['DAYZONE', -5 * H], CST: ['ZONE', -6 * H], CDT: ['DAYZONE', -6 * H],
  MST: ['ZONE', -7 * H], MDT: ['DAYZONE', -7 * H], PST: ['ZONE', -8 * H], PDT: ['DAYZONE', -8 * H],
  AKST: ['ZONE', -9 * H], AKDT: ['DAYZONE', -9 * H], HST: ['ZONE', -10 * H], HAST: ['ZONE', -10 * H],
  HADT: ['DAYZONE', -10 * H], SST: ['ZONE', -12 * H], WAT: ['ZONE', H], CET: ['ZONE', H],
  CEST: ['DAYZONE', H], MET: ['ZONE', H], MEZ: ['ZONE', H], MEST: ['DAYZONE', H], MESZ: ['DAYZONE', H],
  EET: ['ZONE', 2 * H], EEST: ['DAYZONE', 2 * H], CAT: ['ZONE', 2 * H], SAST: ['ZONE', 2 * H],
  EAT: ['ZONE', 3 * H], MSK: ['ZONE', 3 * H], MSD: ['DAYZONE', 3 * H], IST: ['ZONE', 5 * H + 1800],
  SGT: ['ZONE', 8 * H], KST: ['ZONE', 9 * H], JST: ['ZONE', 9 * H], GST: ['ZONE', 10 * H],
  NZST: ['ZONE', 12 * H], NZDT: ['DAYZONE', 12 * H],
};

/**
 * military_table: A-I +1..+9, K-M +10..+12, N-Y -1..-12, Z 0, T the ISO separator. J (local
 * time) came to gnulib after coreutils 9.1, whose date refuses it: no entry here either.
 */
function military(c: string): Entry | null {
  if (c === 'J') return null;
  if (c === 'T') return ['T', 0];
  if (c === 'Z') return ['ZONE', 0];
  const n = c.charCodeAt(0) - 65;
  if (n < 0 || n > 24) return null;
  if (n < 9) return ['ZONE', (n + 1) * H];
  if (n < 13) return ['ZONE', n * H];
  return ['ZONE', -(n - 12) * H];
}

/** lookup_word(): WORD already upper case. */
function lookupWord(word: string): Entry | null {
  if (Object.hasOwn(MERIDIANS, word)) return MERIDIANS[word];
  const abbrev = word.length === 3 || (word.length === 4 && word[3] === '.');
  for (const [name, t, v] of MONTH_AND_DAY) if (abbrev ? name.startsWith(word.slice(0, 3)) : name === word) return [t, v];
  if (Object.hasOwn(ZONES, word)) return ZONES[word];
  if (word === 'DST') return ['DST', 0];
  if (Object.hasOwn(UNITS, word)) return UNITS[word];
  if (word.endsWith('S') && Object.hasOwn(UNITS, word.slice(0, -1))) return UNITS[word.slice(0, -1)];
  if (Object.hasOwn(RELATIVE, word)) return RELATIVE[word];
  if (word.length === 1) return military(word);
  const bare = word.replace(/\./g, '');
  if (bare !== word && Object.hasOwn(ZONES, bare)) return ZONES[bare];
  return null;
}

const isSpace = (c: string): boolean => c === ' ' || (c >= '\t' && c <= '\r');
const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isAlpha = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

/** time_t is 64 bits: a number past it makes yylex() return '?'. */
const TIME_MAX = 2 ** 63;

function tok(t: TokType, v = 0, extra: Partial<Tok> = {}): Tok {
  return { t, v, digits: 0, negative: false, ns: 0, ch: '', ...extra };
}

/** yylex() run over the whole string: the tokens up to END or the first ERROR. */
export function tokenize(s: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const push = (x: Tok): boolean => {
    out.push(x);
    return x.t !== 'END' && x.t !== 'ERROR';
  };
  for (;;) {
    while (i < s.length && isSpace(s[i])) i++;
    const c = s[i] ?? '';
    if (c === '') {
      push(tok('END'));
      return out;
    }
    if (isDigit(c) || c === '-' || c === '+') {
      let p = i;
      let sign = 0;
      if (c === '-' || c === '+') {
        sign = c === '-' ? -1 : 1;
        p++;
        while (p < s.length && isSpace(s[p])) p++;
        i = p;
        // A sign before something other than a digit is dropped.
        if (!isDigit(s[p] ?? '')) continue;
      }
      let value = 0;
      while (isDigit(s[p] ?? '')) value = value * 10 + Number(s[p++]);
      if (value >= TIME_MAX) {
        push(tok('ERROR'));
        return out;
      }
      if ((s[p] === '.' || s[p] === ',') && isDigit(s[p + 1] ?? '')) {
        p++;
        let frac = '';
        while (isDigit(s[p] ?? '')) frac += s[p++];
        let ns = Number(frac.slice(0, 9).padEnd(9, '0'));
        // Excess digits truncate toward -infinity, so a negative value rounds its ns up.
        if (sign < 0 && /[1-9]/.test(frac.slice(9))) ns++;
        let sec = sign < 0 ? -value : value;
        if (sign < 0 && ns) {
          sec -= 1;
          ns = 1e9 - ns;
        }
        i = p;
        if (!push(tok(sign ? 'SDEC' : 'UDEC', sec, { ns }))) return out;
        continue;
      }
      const x = tok(sign ? 'SNUM' : 'UNUM', sign < 0 ? -value : value, { digits: p - i, negative: sign < 0 });
      i = p;
      push(x);
      continue;
    }
    if (isAlpha(c)) {
      let w = '';
      while (i < s.length && (isAlpha(s[i]) || s[i] === '.')) {
        if (w.length < 19) w += s[i];
        i++;
      }
      const e = lookupWord(w.toUpperCase());
      push(e ? tok(e[0], e[1]) : tok('ERROR'));
      if (!e) return out;
      continue;
    }
    if (c !== '(') {
      i++;
      push(tok('CHAR', 0, { ch: c }));
      continue;
    }
    // A comment: nested parentheses; an unclosed one ends the input.
    let depth = 0;
    do {
      const d = s[i++] ?? '';
      if (d === '') {
        push(tok('END'));
        return out;
      }
      if (d === '(') depth++;
      else if (d === ')') depth--;
    } while (depth !== 0);
  }
}

// Parser tokens, as dash's mktokens lists them, with the names its syntax errors print and the
// "ends a list" flags (tokendlist). bash adds [[ ]] function (( and the ;& ;;& case terminators.
export const enum T {
  EOF, NL, SEMI, BG, AND, OR, PIPE, LP, RP, ENDCASE, ENDBQUOTE, REDIR, WORD,
  NOT, CASE, DO, DONE, ELIF, ELSE, ESAC, FI, FOR, IF, IN, THEN, UNTIL, WHILE, BEGIN, END,
  // bash only
  DLBRACK, DRBRACK, FUNCTION, CASEFALL, CASECONT, TIME, PIPEAMP, SELECT, COPROC,
}

export const TOKNAME: readonly string[] = [
  'end of file', 'newline', '";"', '"&"', '"&&"', '"||"', '"|"', '"("', '")"', '";;"', '"`"',
  'redirection', 'word', '"!"', '"case"', '"do"', '"done"', '"elif"', '"else"', '"esac"', '"fi"',
  '"for"', '"if"', '"in"', '"then"', '"until"', '"while"', '"{"', '"}"',
  '"[["', '"]]"', '"function"', '";&"', '";;&"', '"time"', '"|&"', '"select"', '"coproc"',
];

const END = new Set<number>([T.EOF, T.RP, T.ENDCASE, T.ENDBQUOTE, T.DO, T.DONE, T.ELIF, T.ELSE,
  T.ESAC, T.FI, T.THEN, T.END, T.CASEFALL, T.CASECONT]);
export const tokEndsList = (t: number): boolean => END.has(t);

const KW: Record<string, T> = {
  '!': T.NOT, case: T.CASE, do: T.DO, done: T.DONE, elif: T.ELIF, else: T.ELSE, esac: T.ESAC,
  fi: T.FI, for: T.FOR, if: T.IF, in: T.IN, then: T.THEN, until: T.UNTIL, while: T.WHILE,
  '{': T.BEGIN, '}': T.END,
};
const BASH_KW: Record<string, T> = { ...KW, '[[': T.DLBRACK, ']]': T.DRBRACK, function: T.FUNCTION, time: T.TIME, select: T.SELECT,
  coproc: T.COPROC };

export function findKeyword(text: string, bash: boolean): T | undefined {
  return Object.prototype.hasOwnProperty.call(bash ? BASH_KW : KW, text) ? (bash ? BASH_KW : KW)[text] : undefined;
}

/** checkkwd bits (parser.h). */
export const CHKALIAS = 1, CHKKWD = 2, CHKNL = 4, CHKEOFMARK = 8;

export const isNameStart = (c: string): boolean =>
  (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
export const isInName = (c: string): boolean => isNameStart(c) || (c >= '0' && c <= '9');
export const isDigit = (c: string): boolean => c >= '0' && c <= '9';
/** dash is_special(): a special parameter character or a digit. */
export const isSpecial = (c: string): boolean => c !== '' && '#?$!-*@'.includes(c) || isDigit(c);

/** goodname(): a valid variable name. */
export function goodname(s: string): boolean {
  if (!s || !isNameStart(s[0])) return false;
  for (let i = 1; i < s.length; i++) if (!isInName(s[i])) return false;
  return true;
}

/** The text of a keyword token (for "... unexpected" messages), or null. */
export function findKeywordText(t: T): string | null {
  const names: Partial<Record<T, string>> = {
    [T.NOT]: '!', [T.CASE]: 'case', [T.DO]: 'do', [T.DONE]: 'done', [T.ELIF]: 'elif', [T.ELSE]: 'else',
    [T.ESAC]: 'esac', [T.FI]: 'fi', [T.FOR]: 'for', [T.IF]: 'if', [T.IN]: 'in', [T.THEN]: 'then',
    [T.UNTIL]: 'until', [T.WHILE]: 'while', [T.BEGIN]: '{', [T.END]: '}', [T.DLBRACK]: '[[',
    [T.DRBRACK]: ']]', [T.FUNCTION]: 'function', [T.SELECT]: 'select', [T.TIME]: 'time',
    [T.COPROC]: 'coproc',
  };
  return names[t] ?? null;
}

// The awk lexer (POSIX awk grammar's tokens, as mawk reads them): a '/' starts a regex only
// where an operand may start, backslash-newline joins lines, "name(" is a function call.

export type TokType =
  | 'NEWLINE' | 'EOF' | 'NUMBER' | 'STRING' | 'ERE' | 'NAME' | 'FUNC_NAME' | 'BUILTIN' | 'KEYWORD' | 'OP';

export interface Token {
  type: TokType;
  /** Operator or keyword text, name, string value (escapes done) or regex source. */
  value: string;
  num?: number;
  line: number;
}

export const KEYWORDS = new Set(['BEGIN', 'END', 'function', 'func', 'getline', 'if', 'else', 'while', 'for',
  'do', 'break', 'continue', 'next', 'nextfile', 'exit', 'return', 'delete', 'in', 'print', 'printf']);

export const BUILTINS = new Set(['length', 'substr', 'index', 'split', 'sub', 'gsub', 'match', 'sprintf',
  'sin', 'cos', 'atan2', 'exp', 'log', 'sqrt', 'int', 'rand', 'srand', 'tolower', 'toupper', 'system',
  'close', 'fflush']);

// Longest first.
const OPS = ['+=', '-=', '*=', '/=', '%=', '^=', '==', '<=', '>=', '!=', '++', '--', '&&', '||', '>>', '!~',
  '{', '}', '(', ')', '[', ']', ';', ',', '+', '-', '*', '/', '%', '^', '!', '>', '<', '|', '?', ':', '~', '$', '='];

export class AwkSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

const SIMPLE_ESC: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', a: '\x07', '\\': '\\', '"': '"' };

/** Process escapes of an awk string literal (also -v values and command-line assignments). */
export function unescapeAwk(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) { out += c; continue; }
    const d = s[++i];
    if (d in SIMPLE_ESC) { out += SIMPLE_ESC[d]; continue; }
    if (d >= '0' && d <= '7') {
      let o = d;
      while (o.length < 3 && s[i + 1] >= '0' && s[i + 1] <= '7') o += s[++i];
      out += String.fromCharCode(parseInt(o, 8) & 0xff);
      continue;
    }
    out += '\\' + d; // mawk keeps an unknown escape as written
  }
  return out;
}

export class Lexer {
  private pos = 0;
  line = 1;
  /** The previous token ends an operand, so '/' divides. */
  private operandEnded = false;

  constructor(private readonly src: string) {}

  save(): [number, number, boolean] { return [this.pos, this.line, this.operandEnded]; }
  restore(s: [number, number, boolean]): void { [this.pos, this.line, this.operandEnded] = s; }

  next(): Token {
    const s = this.src;
    for (;;) {
      while (this.pos < s.length && (s[this.pos] === ' ' || s[this.pos] === '\t' || s[this.pos] === '\r')) this.pos++;
      if (s[this.pos] === '\\' && s[this.pos + 1] === '\n') { this.pos += 2; this.line++; continue; }
      if (s[this.pos] === '\\' && s[this.pos + 1] === '\r' && s[this.pos + 2] === '\n') { this.pos += 3; this.line++; continue; }
      if (s[this.pos] === '#') { while (this.pos < s.length && s[this.pos] !== '\n') this.pos++; continue; }
      break;
    }
    const line = this.line;
    const tok = (type: TokType, value: string, ended: boolean, num?: number): Token => {
      this.operandEnded = ended;
      return { type, value, num, line };
    };
    if (this.pos >= s.length) return tok('EOF', '', false);
    const c = s[this.pos];
    if (c === '\n') {
      this.pos++;
      this.line++;
      return tok('NEWLINE', '\n', false);
    }
    if (c === '"') return tok('STRING', this.string(), true);
    if (c === '/' && !this.operandEnded) return tok('ERE', this.regex(), true);
    if ((c >= '0' && c <= '9') || (c === '.' && s[this.pos + 1] >= '0' && s[this.pos + 1] <= '9')) {
      const m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(s.slice(this.pos))!;
      this.pos += m[0].length;
      return tok('NUMBER', m[0], true, Number(m[0]));
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(this.pos))!;
      this.pos += m[0].length;
      const w = m[0];
      if (KEYWORDS.has(w)) return tok('KEYWORD', w === 'func' ? 'function' : w, w === 'getline');
      if (BUILTINS.has(w)) return tok('BUILTIN', w, true);
      if (s[this.pos] === '(') return tok('FUNC_NAME', w, false);
      return tok('NAME', w, true);
    }
    for (const op of OPS) {
      if (s.startsWith(op, this.pos)) {
        this.pos += op.length;
        const ends = op === ')' || op === ']' || op === '++' || op === '--';
        return tok('OP', op, ends);
      }
    }
    this.pos++;
    throw new AwkSyntaxError(line, `syntax error at or near ${c}`);
  }

  private string(): string {
    const s = this.src;
    let i = this.pos + 1;
    let raw = '';
    for (;;) {
      if (i >= s.length || s[i] === '\n') throw new AwkSyntaxError(this.line, 'runaway string constant "' + raw.slice(0, 10) + ' ...');
      if (s[i] === '"') break;
      if (s[i] === '\\' && i + 1 < s.length) {
        if (s[i + 1] === '\n') { i += 2; this.line++; continue; }
        raw += s[i] + s[i + 1];
        i += 2;
        continue;
      }
      raw += s[i++];
    }
    this.pos = i + 1;
    return unescapeAwk(raw);
  }

  /** A regex literal's source; "\/" becomes "/", other escapes are left for the regex compiler. */
  private regex(): string {
    const s = this.src;
    let i = this.pos + 1;
    let out = '';
    let inBracket = false;
    for (;;) {
      if (i >= s.length || s[i] === '\n') throw new AwkSyntaxError(this.line, 'runaway regular expression /' + out.slice(0, 10) + ' ...');
      const c = s[i];
      if (c === '/' && !inBracket) break;
      if (c === '\\' && i + 1 < s.length) {
        out += s[i + 1] === '/' ? '/' : c + s[i + 1];
        i += 2;
        continue;
      }
      if (c === '[' && !inBracket) {
        inBracket = true;
        out += c;
        i++;
        if (s[i] === '^') out += s[i++];
        if (s[i] === ']') out += s[i++];
        continue;
      }
      if (c === ']' && inBracket) inBracket = false;
      out += c;
      i++;
    }
    this.pos = i + 1;
    return out;
  }
}

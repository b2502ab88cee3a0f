// GNU coreutils 9.1 expr: its grammar (| & relations + - * / % : and the keywords match,
// substr, index, length, "+"), arbitrary-precision integers (BigInt, as GMP), BRE matching
// anchored at the start, exit status 0/1/2 and its messages.
import { PosixRegex, RegexError, translate } from './regex.ts';
import { helpText, versionText } from '../bin/opts.ts';

type V = bigint | string;

export interface ExprResult {
  stdout: string;
  stderr: string;
  status: number;
}

class ExprError extends Error {}

const INT = /^-?\d+$/;

function toInt(v: V): bigint | null {
  if (typeof v === 'bigint') return v;
  return INT.test(v) ? BigInt(v) : null;
}
function str(v: V): string { return typeof v === 'bigint' ? v.toString() : v; }
/** null(): the empty string or an integer zero ("0", "-00"). */
function isNull(v: V): boolean {
  if (typeof v === 'bigint') return v === 0n;
  return v === '' || /^-?0+$/.test(v);
}

class Parser {
  private i = 0;
  constructor(private readonly args: readonly string[]) {}

  private peek(): string | undefined { return this.args[this.i]; }
  private missing(): never {
    throw new ExprError(`syntax error: missing argument after '${this.args[this.i - 1]}'`);
  }

  parse(): V {
    const v = this.or();
    if (this.i < this.args.length) throw new ExprError(`syntax error: unexpected argument '${this.args[this.i]}'`);
    return v;
  }
  private or(): V {
    let l = this.and();
    while (this.peek() === '|') {
      this.i++;
      const r = this.and();
      l = !isNull(l) ? l : isNull(r) ? 0n : r;
    }
    return l;
  }
  private and(): V {
    let l = this.rel();
    while (this.peek() === '&') {
      this.i++;
      const r = this.rel();
      l = isNull(l) || isNull(r) ? 0n : l;
    }
    return l;
  }
  private rel(): V {
    let l = this.add();
    for (;;) {
      const op = this.peek();
      if (!op || !['<', '<=', '=', '==', '!=', '>=', '>'].includes(op)) return l;
      this.i++;
      const r = this.add();
      const a = toInt(l);
      const b = toInt(r);
      const c = a !== null && b !== null ? (a < b ? -1 : a > b ? 1 : 0) : str(l) < str(r) ? -1 : str(l) > str(r) ? 1 : 0;
      const ok = op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '=' || op === '==' ? c === 0 : op === '!=' ? c !== 0 : op === '>=' ? c >= 0 : c > 0;
      l = ok ? 1n : 0n;
    }
  }
  private arith(l: V, r: V, op: string): bigint {
    const a = toInt(l);
    const b = toInt(r);
    if (a === null || b === null) throw new ExprError('non-integer argument');
    if ((op === '/' || op === '%') && b === 0n) throw new ExprError('division by zero');
    switch (op) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/': return a / b;
      default: return a % b;
    }
  }
  private add(): V {
    let l = this.mul();
    while (this.peek() === '+' || this.peek() === '-') {
      const op = this.args[this.i++];
      l = this.arith(l, this.mul(), op);
    }
    return l;
  }
  private mul(): V {
    let l = this.colon();
    while (this.peek() === '*' || this.peek() === '/' || this.peek() === '%') {
      const op = this.args[this.i++];
      l = this.arith(l, this.colon(), op);
    }
    return l;
  }
  private colon(): V {
    let l = this.unary();
    while (this.peek() === ':') {
      this.i++;
      l = match(str(l), str(this.unary()));
    }
    return l;
  }
  private unary(): V {
    const t = this.peek();
    if (t === undefined) this.missing();
    switch (t) {
      case '+':
        this.i++;
        if (this.i >= this.args.length) this.missing();
        return this.args[this.i++];
      case 'length':
        this.i++;
        return BigInt(str(this.unary()).length);
      case 'match': {
        this.i++;
        const s = this.unary();
        return match(str(s), str(this.unary()));
      }
      case 'index': {
        this.i++;
        const s = str(this.unary());
        const set = str(this.unary());
        for (let k = 0; k < s.length; k++) if (set.includes(s[k])) return BigInt(k + 1);
        return 0n;
      }
      case 'substr': {
        this.i++;
        const s = str(this.unary());
        const pos = toInt(this.unary());
        const len = toInt(this.unary());
        if (pos === null || len === null || pos <= 0n || len <= 0n || pos > BigInt(s.length)) return '';
        return s.slice(Number(pos) - 1, Number(pos) - 1 + Number(len > 1n << 40n ? 1n << 40n : len));
      }
    }
    return this.primary();
  }
  private primary(): V {
    const t = this.args[this.i];
    if (t === undefined) this.missing();
    if (t === '(') {
      this.i++;
      const v = this.or();
      if (this.peek() !== ')') {
        if (this.i >= this.args.length) throw new ExprError(`syntax error: expecting ')' after '${this.args[this.i - 1]}'`);
        throw new ExprError(`syntax error: expecting ')' instead of '${this.args[this.i]}'`);
      }
      this.i++;
      return v;
    }
    if (t === ')') throw new ExprError(`syntax error: unexpected ')'`);
    this.i++;
    return t;
  }
}

/** STRING : REGEX, anchored at the start: \1 if the pattern has a group, else the match length. */
function match(s: string, pattern: string): V {
  let re: PosixRegex;
  try {
    const t = translate(pattern, {});
    re = new PosixRegex({ ...t, source: `^(?:${t.source})` });
  } catch (e) {
    if (e instanceof RegexError) throw new ExprError(e.message);
    throw e;
  }
  const m = re.exec(s, 0);
  if (re.nsub > 0) return m ? m.groups[1] ?? '' : '';
  return m ? BigInt(m.end) : 0n;
}

/** Evaluate `expr ARGS...` (argv[0] is "expr"). */
export function exprMain(argv: readonly string[]): ExprResult {
  let args = argv.slice(1);
  if (args[0] === '--') args = args.slice(1);
  // parse_long_options(): only as the sole argument, and abbreviated as getopt_long allows.
  else if (args.length === 1 && args[0].length > 2 && '--help'.startsWith(args[0])) return { stdout: helpText('expr', argv[0]), stderr: '', status: 0 };
  else if (args.length === 1 && args[0].length > 2 && '--version'.startsWith(args[0])) return { stdout: versionText('expr'), stderr: '', status: 0 };
  if (!args.length) return { stdout: '', stderr: "expr: missing operand\nTry 'expr --help' for more information.\n", status: 2 };
  try {
    const v = new Parser(args).parse();
    return { stdout: str(v) + '\n', stderr: '', status: isNull(v) ? 1 : 0 };
  } catch (e) {
    if (e instanceof ExprError) return { stdout: '', stderr: `expr: ${e.message}\n`, status: 2 };
    throw e;
  }
}

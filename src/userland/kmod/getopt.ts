// getopt_long(3) as glibc implements it, for the kmod tools: option clusters (`-qv`), attached or
// separate arguments (`-CX`, `-C X`, `--config=X`, `--config X`), unambiguous long-option
// prefixes (`--verb`), and argument permutation (options may follow operands) unless the short
// option string starts with `+` or POSIXLY_CORRECT is set. `--` ends option parsing. Errors are
// reported with glibc's exact texts, prefixed with argv[0] as invoked, when they are parsed.

export interface LongOption {
  name: string;
  /** 0 no_argument, 1 required_argument, 2 optional_argument. */
  hasArg: 0 | 1 | 2;
  /** What next() returns for it: a short-option letter or a private code. */
  val: string;
}

export interface Parsed {
  opt: string;
  arg: string | null;
}

export class Getopt {
  private idx = 1;
  private next_ = '';
  private readonly nonopts: string[] = [];
  private done = false;
  private readonly requireOrder: boolean;
  private readonly shortopts: string;

  constructor(
    private readonly argv: readonly string[],
    shortopts: string,
    private readonly longopts: readonly LongOption[],
    private readonly error: (msg: string) => void,
    posixlyCorrect = false,
  ) {
    this.requireOrder = shortopts.startsWith('+') || posixlyCorrect;
    this.shortopts = shortopts.replace(/^[+-]/, '');
  }

  /** The next option, '?' for an error (already reported), or null at the end. */
  next(): Parsed | null {
    if (this.next_ === '') {
      for (;;) {
        if (this.done || this.idx >= this.argv.length) {
          this.done = true;
          return null;
        }
        const a = this.argv[this.idx];
        if (a === '--') {
          this.idx++;
          this.done = true;
          return null;
        }
        if (a.length > 1 && a[0] === '-') break;
        if (this.requireOrder) {
          this.done = true;
          return null;
        }
        this.nonopts.push(a);
        this.idx++;
      }
      const a = this.argv[this.idx];
      if (a[1] === '-') return this.long(a.slice(2));
      this.next_ = a.slice(1);
      this.idx++;
    }
    return this.short();
  }

  /** The operands, in order, once next() has returned null. */
  operands(): string[] {
    return [...this.nonopts, ...this.argv.slice(this.idx)];
  }

  private short(): Parsed {
    const c = this.next_[0];
    this.next_ = this.next_.slice(1);
    const at = c === ':' || c === ';' ? -1 : this.shortopts.indexOf(c);
    const prog = this.argv[0];
    if (at < 0) {
      this.error(`${prog}: invalid option -- '${c}'\n`);
      return { opt: '?', arg: null };
    }
    if (this.shortopts[at + 1] !== ':') return { opt: c, arg: null };
    const optional = this.shortopts[at + 2] === ':';
    if (this.next_ !== '') {
      const arg = this.next_;
      this.next_ = '';
      return { opt: c, arg };
    }
    if (optional) return { opt: c, arg: null };
    if (this.idx >= this.argv.length) {
      this.error(`${prog}: option requires an argument -- '${c}'\n`);
      return { opt: '?', arg: null };
    }
    return { opt: c, arg: this.argv[this.idx++] };
  }

  private long(text: string): Parsed {
    const prog = this.argv[0];
    this.idx++;
    const eq = text.indexOf('=');
    const name = eq >= 0 ? text.slice(0, eq) : text;
    let found = this.longopts.find((o) => o.name === name);
    if (!found) {
      const cands = this.longopts.filter((o) => o.name.startsWith(name));
      if (cands.length) {
        const first = cands[0];
        // glibc: a further prefix match is an ambiguity only if it differs from the first
        // in has_arg or val.
        const ambig = cands.filter((o, i) => i === 0 || o.hasArg !== first.hasArg || o.val !== first.val);
        if (ambig.length > 1) {
          this.error(`${prog}: option '--${text}' is ambiguous; possibilities:${ambig.map((o) => ` '--${o.name}'`).join('')}\n`);
          return { opt: '?', arg: null };
        }
        found = first;
      }
    }
    if (!found) {
      this.error(`${prog}: unrecognized option '--${text}'\n`);
      return { opt: '?', arg: null };
    }
    if (eq >= 0) {
      if (found.hasArg === 0) {
        this.error(`${prog}: option '--${found.name}' doesn't allow an argument\n`);
        return { opt: '?', arg: null };
      }
      return { opt: found.val, arg: text.slice(eq + 1) };
    }
    if (found.hasArg === 1) {
      if (this.idx >= this.argv.length) {
        this.error(`${prog}: option '--${found.name}' requires an argument\n`);
        return { opt: '?', arg: null };
      }
      return { opt: found.val, arg: this.argv[this.idx++] };
    }
    return { opt: found.val, arg: null };
  }
}

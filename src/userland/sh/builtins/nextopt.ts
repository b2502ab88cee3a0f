// dash's nextopt(): option letters for builtins, with "Illegal option -x" / "No arg for -x option".
import { ShError } from '../errors.ts';

/** dash's message; bash's wording, status 2 and the builtin's usage line. */
function usageError(dash: string, bash: string): ShError {
  const e = new ShError(dash, 2, bash);
  e.bashStatus = 2;
  e.bashUsage = 'builtin';
  return e;
}

export class NextOpt {
  /** Index of the first operand once options are done (dash's argptr). */
  i = 1;
  private p: string | null = null;
  optarg = '';

  constructor(private readonly argv: string[]) {}

  next(optstring: string): string {
    let p = this.p;
    if (p === null || p === '') {
      const a = this.argv[this.i];
      if (a === undefined || a[0] !== '-' || a.length === 1) return '';
      this.i++;
      if (a === '--') return '';
      p = a.slice(1);
    }
    const c = p[0];
    p = p.slice(1);
    const k = optstring.indexOf(c);
    if (k < 0 || c === ':') throw usageError(`Illegal option -${c}`, `-${c}: invalid option`);
    if (optstring[k + 1] === ':') {
      if (p === '') {
        const a = this.argv[this.i++];
        if (a === undefined) throw usageError(`No arg for -${c} option`, `-${c}: option requires an argument`);
        p = a;
      }
      this.optarg = p;
      p = null;
    }
    this.p = p;
    return c;
  }

  rest(): string[] {
    return this.argv.slice(this.i);
  }
}

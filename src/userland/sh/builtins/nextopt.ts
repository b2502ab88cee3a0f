// dash's nextopt(): option letters for builtins, with "Illegal option -x" / "No arg for -x option".
import { ShError } from '../errors.ts';

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
    if (k < 0 || c === ':') throw new ShError(`Illegal option -${c}`);
    if (optstring[k + 1] === ':') {
      if (p === '') {
        const a = this.argv[this.i++];
        if (a === undefined) throw new ShError(`No arg for -${c} option`);
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

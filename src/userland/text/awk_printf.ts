// awk's printf/sprintf over glibc formatting (awk_format.ts), with mawk's argument rules:
// integers clamp to the C int range, %c takes a number's byte or a string's first byte, and
// too few arguments is a run-time error.
import { formatFloat, formatInt, formatStr } from './awk_format.ts';
import type { Spec } from './awk_format.ts';
import { AwkRuntimeError } from './awk_state.ts';
import { StrNum, clampInt, toNum, toStr } from './awk_value.ts';
import type { Val } from './awk_value.ts';

const MAX_UINT = 4294967295;

export function awkSprintf(fmt: string, args: readonly Val[], convfmt: string, who: 'printf' | 'sprintf'): string {
  let out = '';
  let ai = 0;
  let i = 0;
  let convNo = 0;
  const next = (): Val => {
    if (ai >= args.length) {
      const e = new AwkRuntimeError(`not enough arguments passed to ${who}("${fmt}")`);
      e.partial = out;
      throw e;
    }
    return args[ai++];
  };
  while (i < fmt.length) {
    const pct = fmt.indexOf('%', i);
    if (pct < 0) { out += fmt.slice(i); break; }
    out += fmt.slice(i, pct);
    if (fmt[pct + 1] === '%') { out += '%'; i = pct + 2; continue; }
    const m = /^%([-+ #0]*)(\*|\d*)(?:\.(\*|\d*))?(.?)/.exec(fmt.slice(pct))!;
    convNo++;
    i = pct + m[0].length;
    let width = 0;
    let flags = m[1];
    if (m[2] === '*') {
      width = clampInt(toNum(next()));
      if (width < 0) { flags += '-'; width = -width; }
    } else if (m[2]) width = Number(m[2]);
    let prec: number | null = null;
    if (m[3] !== undefined) {
      prec = m[3] === '*' ? clampInt(toNum(next())) : Number(m[3] || '0');
      if (prec < 0) prec = null;
    }
    const conv = m[4];
    const spec: Spec = { flags, width, prec, conv };
    if (!conv || !'cdiouxXeEfFgGs'.includes(conv)) {
      throw new AwkRuntimeError(`improper conversion(number ${convNo}) in ${who}("${fmt}")`);
    }
    const v = next();
    switch (conv) {
      case 'c': {
        const isNum = typeof v === 'number' || v instanceof StrNum;
        // A string's first byte; the empty string's is its terminating NUL.
        const s = isNum ? String.fromCharCode(clampInt(toNum(v)) & 0xff) : toStr(v, convfmt).slice(0, 1) || '\0';
        out += formatStr(s, spec);
        break;
      }
      case 's': out += formatStr(toStr(v, convfmt), spec); break;
      case 'd': case 'i': out += formatInt(clampInt(toNum(v)), spec); break;
      case 'o': case 'x': case 'X': case 'u': {
        const n = toNum(v);
        const u = Number.isNaN(n) ? MAX_UINT : n < 0 ? 0 : n > MAX_UINT ? MAX_UINT : Math.trunc(n);
        out += formatInt(u, spec);
        break;
      }
      default: out += formatFloat(toNum(v), spec);
    }
  }
  return out;
}

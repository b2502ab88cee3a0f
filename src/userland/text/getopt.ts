// glibc's getopt_long as GNU tools use it: clustered short options, "-e PAT" / "-ePAT",
// "--long=value" / "--long value", unique prefixes of long options, argument permutation (options
// may follow operands) until "--", and glibc's exact diagnostics.

export type ArgKind = 'none' | 'required' | 'optional';

export interface LongOpt {
  /** The key reported for it: usually the matching short option letter. */
  key: string;
  has: ArgKind;
}

export interface OptSpec {
  /** getopt's optstring: "ab:c::" (b takes an argument, c an optional one). */
  short: string;
  long?: Record<string, LongOpt>;
  /** Stop at the first operand (POSIXLY_CORRECT, or a '+' optstring). Default: permute. */
  stopAtOperand?: boolean;
}

export interface ParsedOpt {
  key: string;
  value?: string;
}

export type GetoptResult =
  | { ok: true; opts: ParsedOpt[]; operands: string[] }
  | { ok: false; message: string };

function shortKind(spec: string, ch: string): ArgKind | null {
  const i = spec.indexOf(ch);
  if (i < 0 || ch === ':' || ch === '+' || ch === '-') return null;
  if (spec[i + 1] !== ':') return 'none';
  return spec[i + 2] === ':' ? 'optional' : 'required';
}

/** Parse argv[1..] the way glibc's getopt_long does. `message` is the text for stderr. */
export function getoptLong(prog: string, argv: readonly string[], spec: OptSpec): GetoptResult {
  const opts: ParsedOpt[] = [];
  const operands: string[] = [];
  const long = spec.long ?? {};
  let i = 1;
  while (i < argv.length) {
    const a = argv[i++];
    if (a === '--') {
      operands.push(...argv.slice(i));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      let entry = long[name];
      let full = name;
      if (!entry) {
        const cands = Object.keys(long).filter((k) => k.startsWith(name));
        if (cands.length === 0) return { ok: false, message: `${prog}: unrecognized option '${a}'\n` };
        // glibc's process_long_option(): the first match, and the later ones that differ from it
        // (argument or value), in table order; one that only repeats the first is not listed.
        const first = long[cands[0]];
        const differ = cands.filter((k, n) => n === 0 || long[k].key !== first.key || long[k].has !== first.has);
        if (differ.length > 1) {
          return {
            ok: false,
            message: `${prog}: option '--${name}' is ambiguous; possibilities:` +
              differ.map((k) => ` '--${k}'`).join('') + '\n',
          };
        }
        full = cands[0];
        entry = long[full];
      }
      if (entry.has === 'none') {
        if (eq >= 0) return { ok: false, message: `${prog}: option '--${full}' doesn't allow an argument\n` };
        opts.push({ key: entry.key });
      } else if (eq >= 0) {
        opts.push({ key: entry.key, value: a.slice(eq + 1) });
      } else if (entry.has === 'required') {
        if (i >= argv.length) return { ok: false, message: `${prog}: option '--${full}' requires an argument\n` };
        opts.push({ key: entry.key, value: argv[i++] });
      } else {
        opts.push({ key: entry.key });
      }
      continue;
    }
    if (a.length > 1 && a[0] === '-') {
      for (let k = 1; k < a.length; k++) {
        const ch = a[k];
        const kind = shortKind(spec.short, ch);
        if (kind === null) return { ok: false, message: `${prog}: invalid option -- '${ch}'\n` };
        if (kind === 'none') {
          opts.push({ key: ch });
          continue;
        }
        if (k + 1 < a.length) {
          opts.push({ key: ch, value: a.slice(k + 1) });
        } else if (kind === 'required') {
          if (i >= argv.length) return { ok: false, message: `${prog}: option requires an argument -- '${ch}'\n` };
          opts.push({ key: ch, value: argv[i++] });
        } else {
          opts.push({ key: ch });
        }
        break;
      }
      continue;
    }
    operands.push(a);
    if (spec.stopAtOperand) {
      operands.push(...argv.slice(i));
      break;
    }
  }
  return { ok: true, opts, operands };
}

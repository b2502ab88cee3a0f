// gnulib human.c humblock() with xstrtoumax(): the --block-size / DF_BLOCK_SIZE argument.
// "human-readable" and "si" autoscale; otherwise [N][K|M|G|T|P|E|Z|Y][B|iB], where a unit with
// no number also puts its letter after every size (human_SI), "B" means powers of 1000.
import { human_autoscale, human_B, human_base_1024, human_SI } from './df_table.ts';
import type { Units } from './df_table.ts';

const POWER: Record<string, number> = { k: 1, K: 1, m: 2, M: 2, g: 3, G: 3, t: 4, T: 4, p: 5, P: 5, e: 6, E: 6, Z: 7, Y: 8 };

/** The units, or xstrtol_fatal()'s message with %s for the option and %a for the argument. */
export function parseBlockSize(arg: string): Units | string {
  let spec = arg;
  // A leading quote asks for digit grouping, which the C locale has none of.
  if (spec[0] === '\'') spec = spec.slice(1);
  if (spec === 'human-readable') return { size: 1, opts: human_autoscale | human_SI | human_base_1024 };
  if (spec === 'si') return { size: 1, opts: human_autoscale | human_SI };
  const m = /^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)?(.*)$/.exec(spec)!;
  const digits = m[1] ?? '';
  const rest = m[2];
  const invalid = 'invalid %s argument \'%a\'';
  if (!digits && !(rest[0] in POWER)) return invalid;
  let n = digits ? Number(digits.startsWith('0') && !/^0[xX]/.test(digits) && digits.length > 1 ? parseInt(digits, 8) : digits) : 1;
  let opts = 0;
  if (rest) {
    const pow = POWER[rest[0]];
    if (pow === undefined) return 'invalid suffix in %s argument \'%a\'';
    const tail = rest.slice(1);
    if (tail !== '' && tail !== 'B' && tail !== 'iB') return 'invalid suffix in %s argument \'%a\'';
    n *= (tail === 'B' ? 1000 : 1024) ** pow;
    if (!digits) {
      opts |= human_SI;
      if (tail !== '') opts |= human_B;
      if (tail !== 'B') opts |= human_base_1024;
    }
  }
  if (n > Number.MAX_SAFE_INTEGER) return '%s argument \'%a\' too large';
  if (n === 0) return invalid;
  return { size: n, opts };
}

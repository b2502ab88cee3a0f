// GNU df 9.1's cells: human_readable() with human_ceiling for sizes, the "1K-blocks" style
// header of get_header(), the Use% of get_dev() (rounded up) and print_table()'s columns, each
// as wide as its widest cell (the field table's minimum widths), the last one not padded.

export const human_autoscale = 16, human_SI = 32, human_base_1024 = 64, human_B = 128, human_suppress_point_zero = 8;

/** A --block-size setting: the bytes of one output unit and human_readable()'s options. */
export interface Units {
  size: number;
  opts: number;
}

const POWERS = 'KMGTPEZY';

function ceilDiv(a: number, b: number): number {
  return Math.floor(a / b) + (a % b !== 0 ? 1 : 0);
}

/** The SI prefix of the given power: 'k' for kilo in base 1000 (human.c's power_letter). */
function letter(e: number, base: number): string {
  return base === 1000 && e === 1 ? 'k' : POWERS[e - 1];
}

/**
 * human_readable(n, opts, from, to) for integers below 2^53, rounding up. With autoscale the
 * value gets a prefix ("2.9M", "24G"): one decimal below 10 unless human_suppress_point_zero
 * drops a ".0"; without it, an -B unit given without digits ("-BM") prints its letter after
 * every number, as human_SI does there.
 */
export function humanReadable(n: number, opts: number, from: number, to: number): string {
  const base = opts & human_base_1024 ? 1024 : 1000;
  const bsuffix = opts & human_B ? (base === 1024 ? 'iB' : 'B') : '';
  if (!(opts & human_autoscale)) {
    const v = to === from ? n : ceilDiv(n * from, to);
    if (!(opts & human_SI)) return String(v);
    let e = 0;
    for (let t = to; t >= base && t % base === 0; t /= base) e++;
    return `${v}${e ? letter(e, base) : ''}${e || !bsuffix ? bsuffix : 'B'}`;
  }
  const bytes = n * from;
  if (bytes < base) return `${ceilDiv(bytes, to)}${bsuffix ? 'B' : ''}`;
  let e = 1, div = base;
  while (bytes >= div * base && e < POWERS.length) {
    e++;
    div *= base;
  }
  let s: string;
  const tenths = ceilDiv(bytes * 10, div);
  if (tenths < 100) s = tenths % 10 === 0 && opts & human_suppress_point_zero ? String(tenths / 10) : `${Math.floor(tenths / 10)}.${tenths % 10}`;
  else {
    const whole = ceilDiv(bytes, div);
    if (whole >= base && e < POWERS.length) {
      e++;
      s = opts & human_suppress_point_zero ? '1' : '1.0';
    } else s = String(whole);
  }
  return `${s}${letter(e, base)}${bsuffix}`;
}

/** get_header()'s "1K-blocks": the unit in the base that divides it more exactly. */
export function blocksHeader(units: Units): string {
  let opts = human_suppress_point_zero | human_autoscale | human_SI | (units.opts & (human_base_1024 | human_B));
  let q1000 = units.size, q1024 = units.size, by1000: boolean, by1024: boolean;
  do {
    by1000 = q1000 % 1000 === 0;
    q1000 = Math.floor(q1000 / 1000);
    by1024 = q1024 % 1024 === 0;
    q1024 = Math.floor(q1024 / 1024);
  } while (by1000 && by1024);
  if (!by1000 && by1024) opts |= human_base_1024;
  if (!by1024 && by1000) opts &= ~human_base_1024;
  if (!(opts & human_base_1024)) opts |= human_B;
  return `${humanReadable(units.size, opts, 1, 1)}-blocks`;
}

/** The Use%/IUse% cell: used/(used+avail) rounded up, "-" when both are 0. */
export function percent(used: number, avail: number): string {
  const total = used + avail;
  if (total === 0) return '-';
  return `${Math.floor((used * 100) / total) + ((used * 100) % total !== 0 ? 1 : 0)}%`;
}

export interface Column {
  field: string;
  header: string;
  left: boolean;
  width: number;
}

/** print_table(): cells joined by one space, left or right aligned, the last column unpadded. */
export function renderTable(cols: Column[], rows: string[][]): string {
  const widths = cols.map((c, i) => Math.max(c.width, ...rows.map((r) => r[i].length)));
  let out = '';
  for (const row of rows) {
    const cells = row.map((cell, i) => {
      const pad = ' '.repeat(widths[i] - cell.length);
      if (!cols[i].left) return pad + cell;
      return i === cols.length - 1 ? cell : cell + pad;
    });
    out += `${cells.join(' ')}\n`;
  }
  return out;
}

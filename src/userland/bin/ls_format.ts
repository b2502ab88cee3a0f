// GNU ls 9.1 output formats: long lines (-l, with -i/-s/-n/-g/-o/-h), the column layouts of
// -C/-x (calculate_columns with tab stops every 8), -m and -1, and name quoting on terminals.
import { S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFSOCK, S_ISBLK_OR_CHR, major, minor } from './ls_types.ts';
import type { Entry, LsOpts } from './ls_types.ts';
import { modeString } from './modes.ts';
import { strftime } from './time.ts';

/** human_readable() with ceiling rounding and powers of 1024, as ls -h prints sizes. */
export function humanSize(n: number): string {
  if (n < 1024) return String(n);
  const units = 'KMGTPEZY';
  let v = n;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  if (v < 10) {
    const r = Math.ceil(v * 10) / 10;
    if (r < 10) return `${r.toFixed(1)}${units[u]}`;
    return `10${units[u]}`;
  }
  const r = Math.ceil(v);
  if (r >= 1024 && u < units.length - 1) return `1.0${units[u + 1]}`;
  return `${r}${units[u]}`;
}

/** ST_NBLOCKS in 1024-byte units, rounded up (ls -s and "total"). */
export const kBlocks = (e: Entry): number => Math.ceil((e.st?.blocks ?? 0) / 2);

export function indicator(e: Entry, o: LsOpts): string {
  if (o.indicator === 'none' || !e.st) return '';
  const t = e.st.mode & S_IFMT;
  if (t === S_IFDIR) return '/';
  if (o.indicator === 'slash') return '';
  if (t === S_IFLNK) return '@';
  if (t === S_IFIFO) return '|';
  if (t === S_IFSOCK) return '=';
  if ((e.st.mode & S_IFMT) === 0o100000 && e.st.mode & 0o111) return '*';
  return '';
}

const NEEDS_QUOTE = /[^A-Za-z0-9_.,:@%+\-/=\]^~#{}]|^[#~]|^[{}]$/;

/** A name as ls prints it: literal off a terminal, shell-escaped (with $'..') on one. */
export function shownName(name: string, o: LsOpts, quote: (s: string) => string): { text: string; quoted: boolean } {
  if (o.cStyle) return { text: cQuote(name, o.cStyle), quoted: false };
  if (!o.shellQuote) return { text: name, quoted: false };
  // '=' and '^' need quotes only in the "always" style used for diagnostics, not here.
  const needs = NEEDS_QUOTE.test(name.replace(/[=^]/g, '_')) || [...name].some((c) => c < ' ' || c > '~');
  return needs ? { text: quote(name), quoted: true } : { text: name, quoted: false };
}

const C_ESCAPES: Record<string, string> = { '\x07': 'a', '\b': 'b', '\f': 'f', '\n': 'n', '\r': 'r', '\t': 't', '\v': 'v', '\\': '\\' };

/** quotearg's c_quoting_style (-Q: in double quotes, '"' escaped) and escape_quoting_style
 *  (-b: no quotes; ls also escapes the space in names, set_char_quoting (' '), but not in
 *  the "dir:" headers, which use dirname_quoting_options). */
export function cQuote(name: string, style: 'c' | 'escape', header = false): string {
  let out = '';
  for (const c of name) {
    const n = c.charCodeAt(0);
    if (C_ESCAPES[c]) out += `\\${C_ESCAPES[c]}`;
    else if (n < 0x20 || n >= 0x7f) out += `\\${n.toString(8).padStart(3, '0')}`;
    else if ((c === '"' && style === 'c') || (c === ' ' && style === 'escape' && !header)) out += `\\${c}`;
    else out += c;
  }
  return style === 'c' ? `"${out}"` : out;
}

/** The -l time (ns since boot). */
export function fileTime(e: Entry, o: LsOpts): number {
  const st = e.st!;
  return o.time === 'atime' ? st.atime : o.time === 'ctime' ? st.ctime : st.mtime;
}

/** "%b %e %H:%M" within the last six months, "%b %e  %Y" otherwise (both times since boot). */
export function longDate(ns: number, nowNs: number, bootSec: number): string {
  const halfYear = 31556952 / 2;
  const recent = nowNs / 1e9 - halfYear < ns / 1e9 && ns <= nowNs;
  return strftime(recent ? '%b %e %H:%M' : '%b %e  %Y', bootSec + Math.floor(ns / 1e9));
}

interface Widths { inode: number; blocks: number; nlink: number; owner: number; group: number; size: number; major: number; minor: number }

function sizeText(e: Entry, o: LsOpts): string {
  return o.human ? humanSize(e.st!.size) : String(e.st!.size);
}

function widthsOf(entries: Entry[], o: LsOpts): Widths {
  const w: Widths = { inode: 0, blocks: 0, nlink: 0, owner: 0, group: 0, size: 0, major: 0, minor: 0 };
  for (const e of entries) {
    if (!e.st) continue;
    w.inode = Math.max(w.inode, String(e.st.ino).length);
    w.blocks = Math.max(w.blocks, (o.human ? humanSize(kBlocks(e) * 1024) : String(kBlocks(e))).length);
    w.nlink = Math.max(w.nlink, String(e.st.nlink).length);
    w.owner = Math.max(w.owner, e.owner.length);
    w.group = Math.max(w.group, e.group.length);
    if (S_ISBLK_OR_CHR(e.st.mode)) {
      w.major = Math.max(w.major, String(major(e.st.rdev)).length);
      w.minor = Math.max(w.minor, String(minor(e.st.rdev)).length);
    } else w.size = Math.max(w.size, sizeText(e, o).length);
  }
  if (w.major) w.size = Math.max(w.size, w.major + 2 + w.minor);
  return w;
}

/** The text before the name in long and short formats: inode and block count columns. */
function prefix(e: Entry, o: LsOpts, w: Widths): string {
  let s = '';
  if (o.inode) s += `${(e.st ? String(e.st.ino) : '?').padStart(w.inode)} `;
  if (o.size) s += `${(e.st ? (o.human ? humanSize(kBlocks(e) * 1024) : String(kBlocks(e))) : '?').padStart(w.blocks)} `;
  return s;
}

export function longLines(entries: Entry[], o: LsOpts, nowNs: number, quote: (s: string) => string): string {
  const w = widthsOf(entries, o);
  const anyQuoted = o.shellQuote && entries.some((e) => shownName(e.name, o, quote).quoted);
  let out = '';
  for (const e of entries) {
    const st = e.st!;
    let line = prefix(e, o, w) + modeString(st.mode) + ' ' + String(st.nlink).padStart(w.nlink) + ' ';
    if (o.owner) line += `${e.owner.padEnd(w.owner)} `;
    if (o.group) line += `${e.group.padEnd(w.group)} `;
    const size = S_ISBLK_OR_CHR(st.mode)
      ? `${String(major(st.rdev)).padStart(w.major)}, ${String(minor(st.rdev)).padStart(w.minor)}`
      : sizeText(e, o);
    line += `${size.padStart(w.size)} ${longDate(fileTime(e, o), nowNs, o.bootSec)} `;
    const n = shownName(e.name, o, quote);
    line += (anyQuoted && !n.quoted ? ' ' : '') + n.text;
    if (e.linkTarget !== undefined) line += ` -> ${shownName(e.linkTarget, o, quote).text}`;
    else line += indicator(e, o);
    out += `${line}\n`;
  }
  return out;
}

/** ls's indent(): tabs to each 8-column stop where they fit, then spaces. */
function indent(from: number, to: number): string {
  let s = '';
  while (from < to) {
    if (Math.floor(to / 8) > Math.floor((from + 1) / 8)) {
      s += '\t';
      from += 8 - (from % 8);
    } else {
      s += ' ';
      from++;
    }
  }
  return s;
}

/** The short formats: -1, -C (down columns), -x (across), -m (commas). */
export function shortLines(entries: Entry[], o: LsOpts, width: number, quote: (s: string) => string): string {
  if (!entries.length) return '';
  const w = widthsOf(entries, o);
  // align_variable_outer_quotes: not for -1 and -m.
  const align = o.format !== 'one' && o.format !== 'commas';
  const anyQuoted = align && o.shellQuote && entries.some((e) => shownName(e.name, o, quote).quoted);
  const cells = entries.map((e) => {
    const n = shownName(e.name, o, quote);
    return prefix(e, o, w) + (anyQuoted && !n.quoted ? ' ' : '') + n.text + indicator(e, o);
  });
  if (o.format === 'one') return cells.map((c) => `${c}\n`).join('');
  if (o.format === 'commas') {
    let out = '';
    let pos = 0;
    cells.forEach((c, i) => {
      if (i) {
        if (pos + c.length + 2 < width) {
          out += ', ';
          pos += 2;
        } else {
          out += ',\n';
          pos = 0;
        }
      }
      out += c;
      pos += c.length;
    });
    return `${out}\n`;
  }
  const byCols = o.format === 'columns';
  const n = cells.length;
  const maxIdx = Math.floor(width / 3) + (width % 3 ? 1 : 0);
  const maxCols = maxIdx > 0 && maxIdx < n ? maxIdx : n;
  let chosen: number[] = [];
  let cols = 1;
  for (let c = maxCols; c >= 1; c--) {
    const colw = new Array<number>(c).fill(3);
    let lineLen = c * 3;
    const rows = Math.ceil(n / c);
    cells.forEach((cell, i) => {
      const idx = byCols ? Math.floor(i / rows) : i % c;
      const real = cell.length + (idx === c - 1 ? 0 : 2);
      if (colw[idx] < real) {
        lineLen += real - colw[idx];
        colw[idx] = real;
      }
    });
    if (lineLen < width || c === 1) {
      chosen = colw;
      cols = c;
      break;
    }
  }
  const rows = Math.ceil(n / cols);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let pos = 0;
    for (let c = 0; c < cols; c++) {
      const i = byCols ? r + c * rows : r * cols + c;
      if (i >= n) break;
      const next = byCols ? r + (c + 1) * rows : r * cols + c + 1;
      out += cells[i];
      if (next < n && c + 1 < cols) {
        out += indent(pos + cells[i].length, pos + chosen[c]);
        pos += chosen[c];
      }
    }
    out += '\n';
  }
  return out;
}

// GNU ls 9.1 output formats: long lines (-l, with -i/-s/-n/-g/-o/-h/--author/-Z and the time
// styles), the column layouts of -C/-x (calculate_columns with tab stops every 8), -m and -1,
// name quoting on terminals, -q's '?', --hyperlink's OSC 8 links.
import { humanReadable } from './df_table.ts';
import { S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFSOCK, S_ISBLK_OR_CHR, major, minor } from './ls_types.ts';
import type { Entry, LsOpts } from './ls_types.ts';
import { modeString } from './modes.ts';
import { gmtime, strftime } from './time.ts';

/** ls -s: ST_NBLOCKS (512-byte units) in the output block size (1 KiB, -k, -h, --si, --block-size). */
const blocksText = (e: Entry, o: LsOpts): string => humanReadable(e.st?.blocks ?? 0, o.blocks.opts, 512, o.blocks.size);

/** The "total" line's number: the listed files' ST_NBLOCKS summed, then converted. */
export const totalText = (blocks512: number, o: LsOpts): string => humanReadable(blocks512, o.blocks.opts, 512, o.blocks.size);

/** file_escape(): RFC 3986 unreserved bytes kept, others as lower-case %xx; '/' kept in paths. */
function fileEscape(s: string, path: boolean): string {
  return s.replace(/[^A-Za-z0-9\-._~]/g, (c) => (path && c === '/' ? c : `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

/** --hyperlink: the name inside an OSC 8 link to file://HOST/ABSOLUTE. */
export function hyperlinked(text: string, absolute: string | undefined, o: LsOpts): string {
  if (o.hyperlink === null || absolute === undefined) return text;
  const n = fileEscape(absolute, true);
  return `\x1b]8;;file://${fileEscape(o.hyperlink, false)}${n[0] === '/' ? '' : '/'}${n}\x07${text}\x1b]8;;\x07`;
}

export function indicator(e: Entry, o: LsOpts): string {
  if (o.indicator === 'none' || !e.st) return '';
  const t = e.st.mode & S_IFMT;
  if (t === S_IFDIR) return '/';
  if (o.indicator === 'slash') return '';
  if (t === S_IFLNK) return '@';
  if (t === S_IFIFO) return '|';
  if (t === S_IFSOCK) return '=';
  if (o.indicator === 'classify' && (e.st.mode & S_IFMT) === 0o100000 && e.st.mode & 0o111) return '*';
  return '';
}

const NEEDS_QUOTE = /[^A-Za-z0-9_.,:@%+\-/=\]^~#{}]|^[#~]|^[{}]$/;

/** A name as ls prints it: literal off a terminal, shell-escaped (with $'..') on one. */
export function shownName(name: string, o: LsOpts, quote: (s: string) => string): { text: string; quoted: boolean } {
  if (o.cStyle) return { text: cQuote(name, o.cStyle), quoted: false };
  // -q (the default on a terminal) with the literal style: nonprinting bytes as '?'.
  if (!o.shellQuote) return { text: o.qmark ? name.replace(/[^ -~]/g, '?') : name, quoted: false };
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

/** The time style's recent format within the last six months, its other one otherwise (times since boot). */
export function longDate(ns: number, nowNs: number, o: LsOpts): string {
  // No birth times here: ls prints '?' as wide as the old format's text for the epoch.
  if (o.time === 'birth') return '?'.padStart(strftime(o.timeFormats[0], 0).length);
  const halfYear = 31556952 / 2;
  const recent = nowNs / 1e9 - halfYear < ns / 1e9 && ns <= nowNs;
  const sec = o.bootSec + Math.floor(ns / 1e9);
  return gmtime(sec) ? strftime(o.timeFormats[recent ? 1 : 0], sec, ((ns % 1e9) + 1e9) % 1e9) : String(sec);
}

interface Widths { inode: number; blocks: number; nlink: number; owner: number; group: number; size: number; major: number; minor: number }

function sizeText(e: Entry, o: LsOpts): string {
  return humanReadable(e.st!.size, o.fileSize.opts, 1, o.fileSize.size);
}

function widthsOf(entries: Entry[], o: LsOpts): Widths {
  const w: Widths = { inode: 0, blocks: 0, nlink: 0, owner: 0, group: 0, size: 0, major: 0, minor: 0 };
  for (const e of entries) {
    if (!e.st) continue;
    w.inode = Math.max(w.inode, String(e.st.ino).length);
    w.blocks = Math.max(w.blocks, blocksText(e, o).length);
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
  if (o.size) s += `${(e.st ? blocksText(e, o) : '?').padStart(w.blocks)} `;
  // -Z: no SELinux, so every context is '?' (width 1; none for -m); -l prints it after the group.
  if (o.context && o.format !== 'long') s += o.format === 'commas' ? '? ' : '? ';
  return s;
}

/** The -l lines; with --dired each is indented and `marks` gets each name's [start, end) offsets. */
export function longLines(entries: Entry[], o: LsOpts, nowNs: number, quote: (s: string) => string, marks: number[] = [], sized: Entry[] = entries): string {
  const w = widthsOf(sized, o);
  const anyQuoted = o.shellQuote && entries.some((e) => shownName(e.name, o, quote).quoted);
  let out = '';
  for (const e of entries) {
    const st = e.st!;
    let line = (o.dired ? '  ' : '') + prefix(e, o, w) + modeString(st.mode) + ' ' + String(st.nlink).padStart(w.nlink) + ' ';
    if (o.owner) line += `${e.owner.padEnd(w.owner)} `;
    if (o.group) line += `${e.group.padEnd(w.group)} `;
    if (o.author) line += `${e.owner.padEnd(w.owner)} `;
    if (o.context) line += '? ';
    const size = S_ISBLK_OR_CHR(st.mode)
      ? `${String(major(st.rdev)).padStart(w.major)}, ${String(minor(st.rdev)).padStart(w.minor)}`
      : sizeText(e, o);
    line += `${size.padStart(w.size)} ${longDate(fileTime(e, o), nowNs, o)} `;
    const n = shownName(e.name, o, quote);
    line += anyQuoted && !n.quoted ? ' ' : '';
    marks.push(out.length + line.length, out.length + line.length + n.text.length);
    line += hyperlinked(n.text, e.absolute, o);
    if (e.linkTarget !== undefined) line += ` -> ${shownName(e.linkTarget, o, quote).text}`;
    else line += indicator(e, o);
    out += `${line}${o.eol}`;
  }
  return out;
}

/** ls's indent(): tabs to each tab stop (-T, 8 by default) where they fit, then spaces. */
function indent(from: number, to: number, tabsize: number): string {
  let s = '';
  while (from < to) {
    if (tabsize !== 0 && Math.floor(to / tabsize) > Math.floor((from + 1) / tabsize)) {
      s += '\t';
      from += tabsize - (from % tabsize);
    } else {
      s += ' ';
      from++;
    }
  }
  return s;
}

/** mbsnwidth() in the C locale: control bytes take no column. */
const width = (s: string): number => {
  let n = 0;
  for (const c of s) if (c >= ' ' && c !== '\x7f') n++;
  return n;
};

/** The short formats: -1, -C (down columns), -x (across), -m (commas). */
/** `sized`: the entries the number columns are as wide as (the file operands and the directory ones). */
export function shortLines(entries: Entry[], o: LsOpts, lineWidth: number, quote: (s: string) => string, sized: Entry[] = entries): string {
  if (!entries.length) return '';
  const w = widthsOf(sized, o);
  // align_variable_outer_quotes: not for -1 and -m.
  const align = o.format !== 'one' && o.format !== 'commas';
  const anyQuoted = align && o.shellQuote && entries.some((e) => shownName(e.name, o, quote).quoted);
  const cells = entries.map((e) => {
    const n = shownName(e.name, o, quote);
    return prefix(e, o, w) + (anyQuoted && !n.quoted ? ' ' : '') + n.text + indicator(e, o);
  });
  // What is written: the cells with --hyperlink's escapes around the names (not counted in widths).
  const written = o.hyperlink === null ? cells : entries.map((e, i) => {
    const n = shownName(e.name, o, quote).text;
    const at = cells[i].lastIndexOf(n + indicator(e, o));
    return `${cells[i].slice(0, at)}${hyperlinked(n, e.absolute, o)}${cells[i].slice(at + n.length)}`;
  });
  if (o.format === 'one') return written.map((c) => `${c}${o.eol}`).join('');
  if (o.format === 'commas') {
    let out = '';
    let pos = 0;
    cells.forEach((c, i) => {
      if (i) {
        if (pos + width(c) + 2 < lineWidth) {
          out += ', ';
          pos += 2;
        } else {
          out += `,${o.eol}`;
          pos = 0;
        }
      }
      out += written[i];
      pos += width(c);
    });
    return `${out}${o.eol}`;
  }
  const byCols = o.format === 'columns';
  const n = cells.length;
  const maxIdx = Math.floor(lineWidth / 3) + (lineWidth % 3 ? 1 : 0);
  const maxCols = maxIdx > 0 && maxIdx < n ? maxIdx : n;
  let chosen: number[] = [];
  let cols = 1;
  for (let c = maxCols; c >= 1; c--) {
    const colw = new Array<number>(c).fill(3);
    let lineLen = c * 3;
    const rows = Math.ceil(n / c);
    cells.forEach((cell, i) => {
      const idx = byCols ? Math.floor(i / rows) : i % c;
      const real = width(cell) + (idx === c - 1 ? 0 : 2);
      if (colw[idx] < real) {
        lineLen += real - colw[idx];
        colw[idx] = real;
      }
    });
    if (lineLen < lineWidth || c === 1) {
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
      out += written[i];
      if (next < n && c + 1 < cols) {
        out += indent(pos + width(cells[i]), pos + chosen[c], o.tabsize);
        pos += chosen[c];
      }
    }
    out += o.eol;
  }
  return out;
}

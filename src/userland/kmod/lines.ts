// freadline_wrapped() from kmod's shared/util.c: how modprobe.d files are cut into logical lines.
// A backslash before a newline joins two physical lines (both characters vanish, the spaces
// around them stay); a backslash before any other character keeps only that character, so `\\`
// is one backslash and does not continue the line; a backslash at the very end of the file is
// dropped. `line` counts physical lines consumed so far, so an error on a joined line names its
// last physical line, as kmod's messages do.

export interface LogicalLine {
  text: string;
  line: number;
}

export function wrappedLines(content: string): LogicalLine[] {
  const out: LogicalLine[] = [];
  const segs = content.split('\n');
  let linenum = 0;
  let buf = '';
  let n = 0;
  for (let k = 0; k < segs.length; k++) {
    const seg = segs[k];
    const last = k === segs.length - 1;
    let continued = false;
    if (seg.indexOf('\\') < 0) {
      buf += seg;
    } else {
      for (let i = 0; i < seg.length; i++) {
        const c = seg[i];
        if (c !== '\\') {
          buf += c;
        } else if (i + 1 < seg.length) {
          buf += seg[++i];
        } else if (!last) {
          // Backslash-newline: join with the next physical line.
          n++;
          continued = true;
        }
        // else: backslash at EOF, dropped.
      }
    }
    if (continued) continue;
    if (!last) {
      n++;
      linenum += n;
      out.push({ text: buf, line: linenum });
    } else if (buf.length > 0) {
      // EOF without a final newline still ends a line; an empty buffer at EOF is no line.
      n++;
      linenum += n;
      out.push({ text: buf, line: linenum });
    }
    buf = '';
    n = 0;
  }
  return out;
}

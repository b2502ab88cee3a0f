// Here-document bodies: the raw lines up to the delimiter (tabs stripped for <<-), read from the
// same input as the command, as dash's parseheredoc() does after the newline.
import type { Redir } from './ast.ts';
import type { Source } from './source.ts';

export interface PendingHeredoc {
  redir: Redir;
  mark: string;
  strip: boolean;
  quoted: boolean;
}

/** The raw text of a here-document, up to the line holding only the delimiter. An unquoted
 * body loses its backslash-newlines first, as dash reads it through pgetc_eatbnl(). */
export function readHeredocText(src: Source, h: PendingHeredoc): string {
  let body = '';
  for (;;) {
    let c = src.getc();
    if (h.strip) while (c === '\t') c = src.getc();
    if (c === '') return body;
    let line = '';
    while (c !== '\n' && c !== '') {
      if (c === '\\' && !h.quoted) {
        const d = src.getc();
        if (d === '\n') { c = src.getc(); continue; }
        line += c;
        if (d === '') { c = ''; break; }
        c = d;
      }
      line += c;
      c = src.getc();
    }
    if (line === h.mark) return body;
    body += line;
    if (c === '') return body;
    body += '\n';
  }
}

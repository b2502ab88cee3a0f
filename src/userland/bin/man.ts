// man (man-db 2.11 behaviour, no pager): "man [SECTION] PAGE" formats one of the built-in kmod
// pages (man_pages.ts) to the terminal width (MANWIDTH, TIOCGWINSZ, else 80), or prints a plain
// /usr/share/man/manN/PAGE.N if one was installed; -f (whatis) and -k (apropos) search the
// summaries. Exit 16 when nothing is found, as man-db does.
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { readFile, writeAll } from '../lib/io.ts';
import { Output, getenv, termWidth } from './common.ts';
import { MAN_PAGES } from './man_pages.ts';
import type { ManPage } from './man_pages.ts';

function wrap(text: string, indent: number, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const w of text.split(/\s+/).filter(Boolean)) {
    if (line && indent + line.length + 1 + w.length > width) {
      out.push(' '.repeat(indent) + line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(' '.repeat(indent) + line);
  return out;
}

/** The page as man formats it: header, sections at column 0, text at 7, option text at 14. */
export function formatPage(p: ManPage, width: number): string {
  const id = `${p.name.toUpperCase()}(${p.section})`;
  const center = p.name;
  const gap = Math.max(1, width - 2 * id.length - center.length);
  const left = Math.floor(gap / 2);
  const lines = [`${id}${' '.repeat(left)}${center}${' '.repeat(gap - left)}${id}`, '', 'NAME', `       ${p.name} - ${p.summary}`, ''];
  const wrapAt = Math.max(20, width - 2);
  for (const l of p.body.split('\n')) {
    if (l === '') lines.push('');
    else if (/^[A-Z][A-Z .]*$/.test(l)) lines.push(l);
    // Option descriptions (indented in the source) go under their option, at column 14.
    else lines.push(...wrap(l, l.startsWith('    ') ? 14 : 7, wrapAt));
  }
  lines.push('');
  const foot = 'kmod';
  lines.push(`${foot}${' '.repeat(Math.max(1, width - foot.length - id.length))}${id}`);
  return `${lines.join('\n')}\n`;
}

function whatisLine(p: ManPage): string {
  return `${`${p.name} (${p.section})`.padEnd(20)} - ${p.summary}\n`;
}

export function* man({ argv, envp }: ProgramArgs): UserGen {
  const out = new Output();
  const args = argv.slice(1);
  if (!args.length) {
    yield* writeAll(2, "What manual page do you want?\nFor example, try 'man man'.\n");
    return 1;
  }
  if (args[0] === '-f' || args[0] === '-k') {
    let status = 0;
    for (const word of args.slice(1)) {
      const hits = MAN_PAGES.filter((p) => (args[0] === '-f' ? p.name === word
        : p.name.includes(word) || p.summary.toLowerCase().includes(word.toLowerCase())));
      if (!hits.length) {
        yield* out.flush();
        yield* writeAll(2, `${word}: nothing appropriate.\n`);
        status = 16;
      }
      for (const h of hits) yield* out.put(whatisLine(h));
    }
    return yield* out.finish('man', status);
  }
  let section: number | null = null;
  let names = args;
  if (/^\d$/.test(args[0]) && args.length > 1) {
    section = Number(args[0]);
    names = args.slice(1);
  }
  const mw = getenv(envp, 'MANWIDTH');
  const width = mw && /^\d+$/.test(mw) ? Number(mw) : yield* termWidth(1, envp);
  let status = 0;
  for (const name of names) {
    const sections = section !== null ? [section] : [1, 8, 5, 7];
    let done = false;
    for (const s of sections) {
      const installed = yield* readFile(`/usr/share/man/man${s}/${name}.${s}`);
      if (typeof installed === 'string') {
        yield* out.put(installed);
        done = true;
        break;
      }
      const page = MAN_PAGES.find((p) => p.name === name && p.section === s);
      if (page) {
        yield* out.put(formatPage(page, width));
        done = true;
        break;
      }
    }
    if (!done) {
      yield* out.flush();
      yield* writeAll(2, section !== null ? `No manual entry for ${name} in section ${section}\n` : `No manual entry for ${name}\n`);
      status = 16;
    }
  }
  return yield* out.finish('man', status);
}

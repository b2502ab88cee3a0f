// Interactive line editing (our addition: Debian's dash has none; bash has readline). The
// terminal goes to raw mode (no ICANON/ECHO/ISIG, so ^C ^D ^Z arrive as bytes) while a line is
// edited and back to the mode it had before the command runs. Keys: Left/Right, Home/End,
// Up/Down history, ^A ^E ^B ^F ^K ^U ^W ^Y ^T ^H/Backspace, Delete, M-b M-f (and ^Left/^Right)
// M-d M-Backspace, ^L, ^R reverse search, Tab completion, ^C abandons the line, ^D on an empty
// line is end of input. History is kept in memory and appended to
// $HOME/.sh_history (bash: .bash_history).
import type { UserGen } from '../../uapi/syscalls.ts';
import type { Termios } from '../../uapi/termios.ts';
import { ECHO, ICANON, ICRNL, IEXTEN, ISIG, IXON, ONLCR, OPOST, VMIN, VTIME } from '../../uapi/termios.ts';
import { EINTR } from '../../uapi/errno.ts';
import { O_APPEND, O_CREAT, O_WRONLY } from '../../uapi/fcntl.ts';
import { close, open, read, tcgetattr, tcsetattr } from '../lib/sys.ts';
import { remapKey } from './keymap.ts';
import { histExpand } from './histexpand.ts';
import { readFile, writeAll } from '../lib/io.ts';
import type { Input } from './cmdloop.ts';
import { complete } from './complete.ts';
import { expandPrompt } from './prompt.ts';
import type { ShState } from './state.ts';
import { Interrupt } from './trap.ts';
import { lookupvar } from './vars.ts';
import { LineState, escLength, nextChar } from './linestate.ts';

const HISTSIZE = 500;

export class LineInput implements Input {
  private pending = '';
  private nl = '\r\n';
  private loaded = false;

  readonly ownPrompts = true;

  constructor(readonly fd: number) {}

  private historyFile(sh: ShState): string | null {
    const home = lookupvar(sh, 'HOME');
    return home ? `${home}/${sh.bash ? '.bash_history' : '.sh_history'}` : null;
  }

  private *loadHistory(sh: ShState): UserGen<void> {
    this.loaded = true;
    const f = this.historyFile(sh);
    if (!f || sh.history.length) return;
    const text = yield* readFile(f);
    if (typeof text === 'string') sh.history.push(...text.split('\n').filter((l) => l !== '').slice(-HISTSIZE));
  }

  private *remember(sh: ShState, line: string, more: boolean): UserGen<void> {
    if (more && sh.history.length) {
      // A continuation line joins the command it continues, as bash's cmdhist does.
      const prev = sh.history[sh.history.length - 1];
      sh.histLastAdded = true;
      sh.history[sh.history.length - 1] = /(\bthen|\bdo|\belse|[{(|&;]|\|\||&&)\s*$/.test(prev) ? `${prev} ${line}` : `${prev}; ${line}`;
      return;
    }
    sh.histLastAdded = false;
    if (line.trim() === '' || sh.history[sh.history.length - 1] === line) return;
    sh.history.push(line);
    sh.histLastAdded = true;
    if (sh.history.length > HISTSIZE) {
      sh.history.shift();
      sh.historyBase++;
    }
    const f = this.historyFile(sh);
    if (!f) return;
    const fd = yield* open(f, O_WRONLY | O_CREAT | O_APPEND, 0o600);
    if (fd < 0) return;
    yield* writeAll(fd, `${line}\n`);
    yield* close(fd);
  }

  *read(sh: ShState, more: boolean): UserGen<string> {
    if (!this.loaded) yield* this.loadHistory(sh);
    const prompt = yield* expandPrompt(sh, lookupvar(sh, more ? 'PS2' : 'PS1') ?? '');
    const saved = yield* tcgetattr(this.fd);
    if (typeof saved === 'number') {
      // Not a terminal after all: behave like dash reading stdin.
      yield* writeAll(2, prompt);
      const r = yield* read(this.fd, 8191);
      return typeof r === 'string' ? r : '';
    }
    const raw: Termios = {
      ...saved,
      iflag: saved.iflag & ~(ICRNL | IXON),
      lflag: saved.lflag & ~(ICANON | ECHO | ISIG | IEXTEN),
      cc: saved.cc.slice(),
    };
    raw.cc[VMIN] = 1;
    raw.cc[VTIME] = 0;
    yield* tcsetattr(this.fd, raw);
    // With OPOST|ONLCR (kept from the cooked settings) "\n" already returns the carriage.
    this.nl = (saved.oflag & (OPOST | ONLCR)) === (OPOST | ONLCR) ? '\n' : '\r\n';
    try {
      let line = yield* this.edit(sh, new LineState(prompt));
      if (line === null) return '';
      if (sh.bash && sh.opts.H) {
        // bash's history expansion: the expanded line is shown, run and remembered.
        const r = histExpand(sh.history, line, sh.historyBase);
        if (r.error) {
          yield* tcsetattr(this.fd, saved);
          yield* writeAll(2, `${sh.arg0}: ${r.error}\n`);
          return '\n';
        }
        if (r.changed) {
          line = r.line;
          yield* tcsetattr(this.fd, saved);
          yield* writeAll(2, `${line}\n`);
        }
        if (r.printOnly) {
          yield* this.remember(sh, line, more);
          return '\n';
        }
      }
      yield* this.remember(sh, line, more);
      return `${line}\n`;
    } finally {
      yield* tcsetattr(this.fd, saved);
    }
  }

  /** One key (or escape sequence) from the terminal; '' at end of input. */
  private *key(): UserGen<string> {
    for (;;) {
      if (this.pending) {
        const p = this.pending;
        if (p[0] === '\x1b') {
          const n = escLength(p);
          if (n > 0) {
            this.pending = p.slice(n);
            return p.slice(0, n);
          }
          // n < 0: an incomplete sequence, wait for the rest.
        } else {
          const n = (p.charCodeAt(0) & 0x80) ? nextChar(p, 0) : 1;
          this.pending = p.slice(n);
          return p.slice(0, n);
        }
      }
      const r = yield* read(this.fd, 64);
      if (r === -EINTR) continue;
      if (typeof r === 'number' || r === '') {
        if (this.pending) {
          const p = this.pending;
          this.pending = '';
          return p;
        }
        return '';
      }
      this.pending += r;
    }
  }

  /** readline's reverse-i-search: returns 'accept' (Enter) or 'edit' (the match, or the old
   * line after ^G, left to edit; any other key is handled again by the editor). */
  private *search(sh: ShState, ls: LineState): UserGen<'accept' | 'edit'> {
    let query = '';
    let at = sh.history.length;
    let match = ls.buf;
    const original = ls.buf;
    let failed = false;
    const find = (from: number): void => {
      for (let i = from; i >= 0; i--) {
        if (sh.history[i]?.includes(query)) {
          at = i;
          match = sh.history[i];
          failed = false;
          return;
        }
      }
      failed = true;
    };
    for (;;) {
      yield* writeAll(2, `\r${failed ? 'failed ' : ''}(reverse-i-search)\`${query}': ${match}\x1b[K`);
      const k = yield* this.key();
      if (k === '\x12') { if (query) find(at - 1); continue; }
      if (k === '\x7f' || k === '\x08') {
        query = query.slice(0, -1);
        find(sh.history.length - 1);
        continue;
      }
      if (k === '\x07' || k === '\x03') {
        ls.set(original);
        return 'edit';
      }
      if (k.length === 1 && k >= ' ') {
        query += k;
        find(at < sh.history.length ? at : sh.history.length - 1);
        continue;
      }
      ls.set(match);
      if (k === '\r' || k === '\n') {
        yield* writeAll(2, ls.render());
        return 'accept';
      }
      // Any other key ends the search and is handled by the editor.
      this.pending = k + this.pending;
      return 'edit';
    }
  }

  private *edit(sh: ShState, ls: LineState): UserGen<string | null> {
    const out = (s: string): UserGen<number> => writeAll(2, s);
    yield* out(ls.prompt);
    let hist = sh.history.length;
    let stash = '';
    let lastTab = false;
    for (;;) {
      const read = yield* this.key();
      // bash's bind: a key bound to another function acts as that function's own key.
      const k = sh.bash && sh.keymap.size && read !== '' ? remapKey(sh, read) : read;
      if (k === null) continue;
      const wasTab = lastTab;
      lastTab = false;
      switch (k) {
        case '':
          if (ls.buf === '') return null;
          yield* out(this.nl);
          return ls.buf;
        case '\r': case '\n':
          yield* out(this.nl);
          return ls.buf;
        case '\x03':
          yield* out('^C');
          sh.exitstatus = 130;
          throw new Interrupt();
        case '\x04':
          if (ls.buf === '') {
            if (sh.bash) yield* out(`exit${this.nl}`);
            return null;
          }
          ls.del();
          break;
        case '\x01': case '\x1b[H': case '\x1bOH': case '\x1b[1~': case '\x1b[7~': ls.pos = 0; break;
        case '\x05': case '\x1b[F': case '\x1bOF': case '\x1b[4~': case '\x1b[8~': ls.pos = ls.buf.length; break;
        case '\x02': case '\x1b[D': case '\x1bOD': ls.left(); break;
        case '\x06': case '\x1b[C': case '\x1bOC': ls.right(); break;
        case '\x7f': case '\x08': ls.backspace(); break;
        case '\x1b[3~': ls.del(); break;
        case '\x0b': ls.killEnd(); break;
        case '\x15': ls.killStart(); break;
        case '\x17': ls.killWord(); break;
        case '\x19': ls.insert(ls.killed); break;
        case '\x14': ls.transpose(); break;
        case '\x1bb': case '\x1b[1;5D': case '\x1b[1;3D': ls.pos = ls.wordLeft(); break;
        case '\x1bf': case '\x1b[1;5C': case '\x1b[1;3C': ls.pos = ls.wordRight(); break;
        case '\x1bd': ls.killTo(ls.wordRight()); break;
        case '\x1b\x7f': case '\x1b\x08': ls.killTo(ls.wordLeft()); break;
        case '\x12': {
          // ^R: reverse incremental search through the history.
          const r = yield* this.search(sh, ls);
          if (r === 'accept') {
            yield* out(this.nl);
            return ls.buf;
          }
          hist = sh.history.length;
          break;
        }
        case '\x0c':
          yield* out('\x1b[H\x1b[2J');
          yield* out(ls.prompt);
          break;
        case '\x10': case '\x1b[A': case '\x1bOA':
          if (hist > 0) {
            if (hist === sh.history.length) stash = ls.buf;
            ls.set(sh.history[--hist]);
          }
          break;
        case '\x0e': case '\x1b[B': case '\x1bOB':
          if (hist < sh.history.length) {
            hist++;
            ls.set(hist === sh.history.length ? stash : sh.history[hist]);
          }
          break;
        case '\t': {
          const r = yield* complete(sh, ls.buf.slice(0, ls.pos));
          for (let i = 0; i < (r.erase ?? 0); i++) ls.backspace();
          if (r.insert) ls.insert(r.insert);
          else if (r.choices.length > 1 && wasTab) {
            yield* out(`${this.nl}${r.choices.join('  ')}${this.nl}${ls.prompt}`);
          } else if (r.choices.length !== 1) yield* out('\x07');
          lastTab = true;
          break;
        }
        default:
          if (k.length >= 1 && k.charCodeAt(0) >= 0x20 && k[0] !== '\x1b' && k !== '\x7f') {
            const atEnd = ls.pos === ls.buf.length;
            ls.insert(k);
            // Typing at the end of the line needs only the character echoed.
            if (atEnd) {
              yield* out(k);
              continue;
            }
          } else yield* out('\x07');
      }
      yield* out(ls.render());
    }
  }
}

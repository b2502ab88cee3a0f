// The read-parse-evaluate loop, after dash's cmdloop() (main.c) and input.c: input arrives in
// pieces (8 KiB reads from a file or pipe, lines from a terminal); a command that runs past the
// end of what was read is parsed again once more input is in. `.` runs a file through the same
// loop. set -v echoes each command's text as it is read.
import type { Node } from './ast.ts';
import type { UserGen } from '../../uapi/syscalls.ts';
import { EINTR, strerror } from '../../uapi/errno.ts';
import { FD_CLOEXEC, F_DUPFD, F_SETFD, O_RDONLY, S_ISREG } from '../../uapi/fcntl.ts';
import { close, fcntl, open, read, stat } from '../lib/sys.ts';
import { writeAll } from '../lib/io.ts';
import { NeedMore, ShError, ShExit, SyntaxErr } from './errors.ts';
import { pathCandidates, pathval } from './exec.ts';
import { evaltree } from './eval.ts';
import { err2, errPrefix, errStatus, reportError } from './output.ts';
import { NEOF, Parser } from './parser.ts';
import { parsecmdCached } from './parsecache.ts';
import { errmsg, popredir } from './redir.ts';
import { Source } from './source.ts';
import type { ShState } from './state.ts';
import { SKIPFUNC, SKIPFUNCDEF } from './state.ts';
import { Interrupt } from './trap.ts';
import { poplocals } from './vars.ts';
import { expandPrompt } from './prompt.ts';
import { lookupvar } from './vars.ts';
import { showjobs } from './builtins/jobs.ts';

/** Where commands come from. */
export interface Input {
  /** More input, '' at end of file. `more` is true when a command is incomplete (PS2). */
  read(sh: ShState, more: boolean): UserGen<string>;
  /** Forget unread input (an interactive shell after an error). */
  discard?(): void;
  /** The input shows PS1/PS2 itself as it reads (a terminal, bash's prompts per read). */
  readonly ownPrompts?: boolean;
}

const IBUFSIZ = 8192;

/** A file, pipe or terminal read in chunks, as dash's preadfd() does. */
export class FdInput implements Input {
  constructor(readonly fd: number, readonly ownPrompts = false) {}

  *read(sh: ShState, more: boolean): UserGen<string> {
    if (this.ownPrompts) {
      const ps = lookupvar(sh, more ? 'PS2' : 'PS1') ?? '';
      yield* err2(yield* expandPrompt(sh, ps));
    }
    for (;;) {
      const r = yield* read(this.fd, IBUFSIZ - 1);
      if (r === -EINTR) continue;
      if (typeof r === 'number') return '';
      return r;
    }
  }
}

/** A string that is all there is (eval, -c, traps go through evalstring instead). */
export class StringInput implements Input {
  private done = false;
  constructor(private readonly text: string) {}
   
  *read(): UserGen<string> {
    if (this.done) return '';
    this.done = true;
    return this.text;
  }
}

/** Parse the next command, reading more input as the parser needs it. */
function* readCommand(sh: ShState, input: Input, src: Source, parser: Parser, top: boolean): UserGen<Node | null | typeof NEOF> {
  src.text = src.text.slice(src.pos);
  src.pos = 0;
  src.dropSplices();
  parser.aliases = sh.parserAliases();
  parser.extglob = sh.bash && sh.shopt.has('extglob');
  parser.resetAliases();
  const startLine = src.line;
  const prompts = new Prompts(sh, top && !input.ownPrompts, startLine);
  yield* prompts.ps1();
  let more = false;
  if (src.text === '' && !src.eof) {
    yield* fetch(sh, input, src, more && top);
  }
  for (;;) {
    try {
      const n = parsecmdCached(parser, src);
      yield* prompts.ps2(src.line - (src.text[src.pos - 1] === '\n' ? 1 : 0));
      sh.plinno = src.line;
      if (sh.opts.v) yield* writeAll(2, src.text.slice(0, src.pos));
      return n;
    } catch (e) {
      if (e instanceof NeedMore) {
        src.undoSplices();
        parser.resetAliases();
        src.pos = 0;
        src.line = startLine;
        more = true;
        yield* prompts.ps2(src.line);
        yield* fetch(sh, input, src, more && top);
        continue;
      }
      if (e instanceof SyntaxErr) {
        // A line counted at a newline the parser has not read past (a newline token, a
        // here-document's delimiter line counted by checkend()'s nlnoprompt()) has had no PS2 yet.
        const unread = src.text[src.pos - 1] === '\n' && !src.triedPastEnd;
        yield* prompts.ps2(src.line - (unread ? 1 : 0));
        if (sh.opts.v) {
          const nl = src.text.indexOf('\n', src.pos);
          yield* writeAll(2, src.text.slice(0, nl < 0 ? src.text.length : nl + 1));
        }
        sh.errlinno = e.line;
        e.prefix = errPrefix(sh);
        // Whatever followed on the same input is dropped (dash resets the input buffer only
        // when interactive; a non-interactive shell exits).
        src.pos = src.text.length;
      }
      throw e;
    }
  }
}

/**
 * dash's prompts when an interactive shell reads its commands from a file or pipe: parsecmd()
 * shows PS1 before each command, and each line the command goes on to (a newline token with more
 * to read, a newline inside quotes or a here-document) shows PS2 first (setprompt(2)). The
 * parser may run again over the same text after reading more, so the PS2s already shown are
 * counted by line.
 */
class Prompts {
  private shown: number;
  constructor(private readonly sh: ShState, private readonly on: boolean, line: number) {
    this.shown = line;
  }

  *ps1(): UserGen<void> {
    if (this.on) yield* this.show('PS1');
  }

  /** PS2 for every line before `line` (the line the parser has read on to) not yet prompted. */
  *ps2(line: number): UserGen<void> {
    if (!this.on) return;
    for (; this.shown < line; this.shown++) yield* this.show('PS2');
  }

  private *show(name: string): UserGen<void> {
    yield* err2(yield* expandPrompt(this.sh, lookupvar(this.sh, name) ?? ''));
  }
}

function* fetch(sh: ShState, input: Input, src: Source, more: boolean): UserGen<void> {
  const s = yield* input.read(sh, more);
  if (s === '') src.eof = true;
  else src.text += s;
}

/** dash's cmdloop(): returns the status of the last command. */
export function* cmdloop(sh: ShState, input: Input, top: boolean): UserGen<number> {
  const src = new Source('', false);
  const parser = new Parser(src, sh.bash);
  let status = 0;
  let numeof = 0;
  for (;;) {
    if (sh.jobctl) yield* showjobs(sh, true);
    let n: Node | null | typeof NEOF;
    try {
      n = yield* readCommand(sh, input, src, parser, top && !!sh.opts.i);
    } catch (e) {
      if (top && sh.opts.i && (e instanceof ShError || e instanceof Interrupt)) {
        yield* interactiveReset(sh, e, src);
        continue;
      }
      throw e;
    }
    if (n === NEOF) {
      if (!top || numeof >= 50) break;
      if (!sh.opts.I) {
        if (sh.opts.i) yield* err2('\n');
        break;
      }
      yield* err2('\nUse "exit" to leave shell.\n');
      src.eof = false;
      numeof++;
    } else {
      numeof = 0;
      try {
        const i = yield* evaltree(sh, n, 0);
        if (n) status = i;
      } catch (e) {
        if ((top && sh.opts.i && (e instanceof ShError || e instanceof Interrupt)) || (e instanceof ShError && e.discard)) {
          yield* interactiveReset(sh, e, src, !!sh.opts.i);
          status = sh.exitstatus;
          continue;
        }
        throw e;
      }
    }
    if (sh.evalskip) {
      sh.evalskip &= ~(SKIPFUNC | SKIPFUNCDEF);
      break;
    }
  }
  return status;
}

/** An interactive shell survives errors and interrupts: report, unwind, read on. */
function* interactiveReset(sh: ShState, e: Error, src: Source, clearInput = true): UserGen<void> {
  if (e instanceof ShError) {
    yield* reportError(sh, e);
    sh.exitstatus = errStatus(sh, e);
  } else yield* err2('\n');
  sh.evalskip = 0;
  sh.loopnest = 0;
  sh.inps4 = false;
  sh.commandname = null;
  sh.funcline = 0;
  while (sh.redirlist.length) yield* popredir(sh);
  while (sh.locals.length) poplocals(sh);
  if (!clearInput) return;
  src.text = '';
  src.pos = 0;
  src.eof = false;
}

/** setinputfile(): open a script, moving the descriptor to 10 or above (close-on-exec). */
export function* openScript(path: string): UserGen<number> {
  let fd: number;
  do fd = yield* open(path, O_RDONLY); while (fd === -EINTR);
  if (fd < 0) throw new ShError(`cannot open ${path}: ${errmsg(-fd, 'open')}`, 2, `${path}: ${strerror(-fd)}`);
  if (fd < 10) {
    const nfd = yield* fcntl(fd, F_DUPFD, 10);
    yield* close(fd);
    if (nfd < 0) throw new ShError(`${fd}: cannot move descriptor`);
    yield* fcntl(nfd, F_SETFD, FD_CLOEXEC);
    fd = nfd;
  }
  return fd;
}

/** The `.` builtin: find the file (PATH for a bare name), then run it through cmdloop. */
export function* dotFile(sh: ShState, name: string, bashArgs: string[] | null): UserGen<number> {
  let full = name;
  if (!name.includes('/')) {
    let found: string | null = null;
    for (const cand of pathCandidates(pathval(sh), name)) {
      const st = yield* stat(cand);
      if (typeof st !== 'number' && S_ISREG(st.mode)) {
        found = cand;
        break;
      }
    }
    if (found === null) {
      if (sh.bash) {
        const st = yield* stat(name);
        if (typeof st !== 'number') found = name;
      }
      if (found === null) throw new ShError(sh.bash ? `${name}: No such file or directory` : `${name}: not found`);
    }
    full = found;
  }
  const fd = yield* openScript(full);
  const saveCmd = sh.commandname;
  const saveParams = sh.params;
  const savePlinno = sh.plinno;
  if (bashArgs && bashArgs.length) sh.params = bashArgs;
  sh.commandname = sh.bash ? null : full;
  if (sh.bash) {
    sh.frames.unshift({ name: 'source', src: full, line: sh.errlinno });
    sh.sourceFiles.push(full);
  }
  try {
    return yield* cmdloop(sh, new FdInput(fd), false);
  } catch (e) {
    if (e instanceof ShError && e.prefix === undefined) e.prefix = errPrefix(sh);
    throw e;
  } finally {
    if (sh.bash) {
      sh.frames.shift();
      sh.sourceFiles.pop();
    }
    sh.commandname = saveCmd;
    sh.plinno = savePlinno;
    if (bashArgs && bashArgs.length) sh.params = saveParams;
    yield* close(fd);
  }
}

export { ShExit };

// The shell's exceptions, standing in for dash's longjmp-based exraise(): EXERROR (an error that
// aborts the current command; fatal in a non-interactive shell when it comes from a special
// builtin or the parser), EXEXIT (the `exit` builtin or `set -e`) and EXEND (EV_EXIT reached the
// end of a forked child's work).

/** An error message raised like dash's sh_error(). `prefix` is filled at the point where the
 * shell knows the "$0: LINENO: [command: ]" context (see State.errPrefix). */
export class ShError extends Error {
  prefix: string | undefined;
  /** bash's wording and status, when they differ from dash's (bash mode reports these). */
  bashMessage: string | undefined;
  bashStatus = 1;
  /** bash: abandon the current top-level command but keep reading (DISCARD). */
  discard = false;
  /** bash: a usage line printed after the message (without the line-number prefix). */
  bashUsage: string | undefined;
  constructor(message: string, readonly status = 2, bashMessage?: string) {
    super(message);
    this.bashMessage = bashMessage;
  }

  /** Mark as already reported (dash printed it where it was raised). */
  printed(): this {
    this.prefix = 'printed';
    return this;
  }
}

/** dash's synerror(): `Syntax error: ...` with the parser's own line number. bash reports
 * its own lines instead (e.g. "syntax error near unexpected token `fi'" and the line itself). */
export class SyntaxErr extends ShError {
  bashLines: string[] | undefined;
  constructor(message: string, readonly line: number, bashLines?: string[]) {
    super(`Syntax error: ${message}`);
    this.bashLines = bashLines;
    this.bashStatus = 2;
  }
}

/** exit (EXEXIT) / set -e and the end of EV_EXIT work (EXEND): unwinds to the top level. */
export class ShExit extends Error {
  constructor(readonly status: number, readonly end = false) {
    super(`exit ${status}`);
  }
}

/** The parser ran out of buffered input before the command was complete. */
export class NeedMore extends Error {
  constructor() {
    super('need more input');
  }
}

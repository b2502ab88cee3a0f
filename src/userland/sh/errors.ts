// The shell's exceptions, standing in for dash's longjmp-based exraise(): EXERROR (an error that
// aborts the current command; fatal in a non-interactive shell when it comes from a special
// builtin or the parser), EXEXIT (the `exit` builtin or `set -e`) and EXEND (EV_EXIT reached the
// end of a forked child's work).

/** An error message raised like dash's sh_error(). `prefix` is filled at the point where the
 * shell knows the "$0: LINENO: [command: ]" context (see State.errPrefix). */
export class ShError extends Error {
  prefix: string | undefined;
  constructor(message: string, readonly status = 2) {
    super(message);
  }

  /** Mark as already reported (dash printed it where it was raised). */
  printed(): this {
    this.prefix = 'printed';
    return this;
  }
}

/** dash's synerror(): `Syntax error: ...` with the parser's own line number. */
export class SyntaxErr extends ShError {
  constructor(message: string, readonly line: number) {
    super(`Syntax error: ${message}`);
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

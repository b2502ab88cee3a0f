// Whole-file input for the line tools (tac, rev, paste, nl, comm, join, fold, the checksums):
// an operand read to its end, '-' being standard input (read once: later '-'s find it empty).
import { EISDIR } from '../../uapi/errno.ts';
import type { UserGen } from '../../uapi/syscalls.ts';
import { closeInput, openInput, readChunk } from './common.ts';
import { exit } from '../lib/sys.ts';
import { writeAll } from '../lib/io.ts';
import { MAX_BUFFERED } from '../text/textio.ts';

/** What reading an operand gave: its bytes, or where it failed (open, or a read after a good open). */
export type Input = { data: string } | { open: number } | { read: number };

/**
 * The whole operand. Input past what the machine can hold ends the program as gnulib's
 * xalloc_die() does ("PROG: memory exhausted", status 1), like the text tools (BUG 9), instead
 * of failing inside the engine: `yes | tac` must end.
 */
export function* readInput(name: string, prog: string): UserGen<Input> {
  const fd = yield* openInput(name);
  if (fd < 0) return { open: fd };
  let buf = '';
  for (;;) {
    const r = yield* readChunk(fd);
    if (typeof r === 'number') {
      yield* closeInput(fd);
      return { read: r };
    }
    if (r === '') break;
    buf += r;
    if (buf.length > MAX_BUFFERED) {
      yield* writeAll(2, `${prog}: memory exhausted\n`);
      return yield* exit(1);
    }
  }
  yield* closeInput(fd);
  return { data: buf };
}

/**
 * An operand read piece by piece, each piece ending with `delim` (the last one may not), for the
 * tools that treat each line on its own and write as they read, as the real ones do (rev, fold):
 * `yes | rev | head -1` ends. Returns the Input without its data.
 */
export function* forEachPiece(name: string, prog: string, delim: string, fn: (piece: string) => UserGen<void>): UserGen<Input> {
  const fd = yield* openInput(name);
  if (fd < 0) return { open: fd };
  let rest = '';
  for (;;) {
    const r = yield* readChunk(fd);
    if (typeof r === 'number') {
      if (rest) yield* fn(rest);
      yield* closeInput(fd);
      return { read: r };
    }
    if (r === '') break;
    const cut = r.lastIndexOf(delim);
    if (cut < 0) {
      rest += r;
      if (rest.length <= MAX_BUFFERED) continue;
      yield* writeAll(2, `${prog}: memory exhausted\n`);
      return yield* exit(1);
    }
    yield* fn(rest + r.slice(0, cut + 1));
    rest = r.slice(cut + 1);
  }
  if (rest) yield* fn(rest);
  yield* closeInput(fd);
  return { data: '' };
}

/** The error number of a failed Input (negative), or 0. */
export const inputError = (i: Input): number => ('open' in i ? i.open : 'read' in i ? i.read : 0);

export const isDirError = (i: Input): boolean => 'read' in i && i.read === -EISDIR;

/** Lines split after each `delim`; a last line without one is kept (flagged by `last`). */
export function splitLines(data: string, delim = '\n'): string[] {
  const lines = data.split(delim);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

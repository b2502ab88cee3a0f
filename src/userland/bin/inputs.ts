// Whole-file input for the line tools (tac, rev, paste, nl, comm, join, fold, the checksums):
// an operand read to its end, '-' being standard input (read once: later '-'s find it empty).
import { EISDIR } from '../../uapi/errno.ts';
import type { UserGen } from '../../uapi/syscalls.ts';
import { closeInput, openInput, slurp } from './common.ts';

/** What reading an operand gave: its bytes, or where it failed (open, or a read after a good open). */
export type Input = { data: string } | { open: number } | { read: number };

export function* readInput(name: string): UserGen<Input> {
  const fd = yield* openInput(name);
  if (fd < 0) return { open: fd };
  const r = yield* slurp(fd);
  yield* closeInput(fd);
  return typeof r === 'number' ? { read: r } : { data: r };
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

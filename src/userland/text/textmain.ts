// Small shared pieces of the coreutils-style engines: reading whole operands or streaming them
// line by line through the TextReq protocol, and GNU's "cannot open" style diagnostics.
import { strerror } from '../../uapi/errno.ts';
import { MAX_BUFFERED, MemoryExhausted, RecordReader } from './textio.ts';
import type { TextGen } from './textio.ts';

/** Read a whole file ('-' is stdin); a string, or the errno of the failure. */
export function* readWhole(file: string): TextGen<string | number> {
  const rd = new RecordReader(file);
  let data = '';
  while (!(yield* rd.atEnd())) {
    data += rd.pending;
    rd.consume(rd.pending.length);
    if (data.length > MAX_BUFFERED) throw new MemoryExhausted();
  }
  if (rd.error) {
    readWhole.openFailed = rd.openFailed;
    return rd.error;
  }
  if (file !== '-') yield { op: 'close', file };
  return data;
}
/** Whether the last error readWhole() returned came from open() rather than read(). */
readWhole.openFailed = false;

export function* err(text: string): TextGen<void> {
  yield { op: 'out', fd: 2, data: text };
}

/** "prog: name: No such file or directory" */
export function fileError(prog: string, name: string, errno: number): string {
  return `${prog}: ${name}: ${strerror(errno)}\n`;
}

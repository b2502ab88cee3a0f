// awk's streams: records from the main input, getline files and commands (RS as one byte,
// paragraph mode for RS="", a regex for longer RS), and print/printf targets (files, pipes,
// /dev/stdout, /dev/stderr) with close() and fflush().
import { OutBuf, RecordReader } from './textio.ts';
import type { TextGen } from './textio.ts';
import type { PosixRegex } from './regex.ts';

/** Reads awk records from a file or command according to RS. */
export class RecordSource {
  readonly reader: RecordReader;
  constructor(name: string, before: () => TextGen<void>, readonly kind: 'file' | 'cmd') {
    this.reader = new RecordReader(name, before, kind);
  }

  /** The next record, or null at the end. `rs` is RS's value; `re` its regex when longer. */
  *next(rs: string, re: PosixRegex | null): TextGen<string | null> {
    const rd = this.reader;
    if (rs.length === 1) {
      const r = yield* rd.next(rs);
      return r ? r.text : null;
    }
    if (rs === '') return yield* this.paragraph();
    for (;;) {
      const buf = rd.pending;
      const m = re!.exec(buf, 0);
      // A separator that touches the end of the buffer might continue in the next chunk.
      if (m && m.end > m.index && (m.end < buf.length || rd.ended)) {
        rd.consume(m.end);
        return buf.slice(0, m.index);
      }
      if (!(yield* rd.peekMore())) {
        if (!buf.length) return null;
        rd.consume(buf.length);
        return buf;
      }
    }
  }

  /** RS="": records are separated by blank lines; leading newlines are skipped. */
  private *paragraph(): TextGen<string | null> {
    const rd = this.reader;
    for (;;) {
      const buf = rd.pending;
      const lead = /^\n*/.exec(buf)![0].length;
      if (lead === buf.length && !rd.ended) { yield* rd.peekMore(); continue; }
      rd.consume(lead);
      break;
    }
    for (;;) {
      const buf = rd.pending;
      const i = buf.indexOf('\n\n');
      if (i >= 0) {
        let j = i + 2;
        while (j < buf.length && buf[j] === '\n') j++;
        if (j === buf.length && !rd.ended && (yield* rd.peekMore())) continue;
        rd.consume(j);
        return buf.slice(0, i);
      }
      if (!(yield* rd.peekMore())) {
        if (!buf.length) return null;
        rd.consume(buf.length);
        return buf.replace(/\n+$/, '');
      }
    }
  }
}

type OutTarget = { kind: 'file'; append: boolean; started: boolean } | { kind: 'pipe' };

/** print and printf destinations. */
export class AwkOutput {
  readonly stdout = new OutBuf();
  private readonly targets = new Map<string, OutTarget>();

  *write(mode: '>' | '>>' | '|' | null, name: string, data: string): TextGen<number> {
    if (mode === null || name === '/dev/stdout' || name === '-') {
      if (this.stdout.add(data)) yield* this.stdout.flush();
      return 0;
    }
    if (name === '/dev/stderr') {
      yield* this.stdout.flush();
      yield { op: 'out', fd: 2, data };
      return 0;
    }
    let t = this.targets.get(name);
    if (mode === '|') {
      if (!t) { t = { kind: 'pipe' }; this.targets.set(name, t); }
      yield* this.stdout.flush();
      return (yield { op: 'pipe-write', cmd: name, data }) as number;
    }
    if (!t) { t = { kind: 'file', append: mode === '>>', started: false }; this.targets.set(name, t); }
    if (t.kind !== 'file') return -1;
    const r = (yield { op: 'write', file: name, data, append: t.append || t.started }) as number;
    t.started = true;
    return r;
  }

  has(name: string): boolean { return this.targets.has(name); }

  /** close() of an output: a pipe's exit status, 0 for a file, -1 if not open. */
  *close(name: string): TextGen<number> {
    const t = this.targets.get(name);
    if (!t) return -1;
    this.targets.delete(name);
    yield* this.stdout.flush();
    if (t.kind === 'pipe') return (yield { op: 'pipe-close', cmd: name }) as number;
    yield { op: 'close', file: name };
    return 0;
  }

  *closeAll(): TextGen<void> {
    yield* this.stdout.flush();
    for (const name of [...this.targets.keys()]) yield* this.close(name);
  }
}

// grep as a whole program over the TextReq protocol: options, -f files, recursion (-r), stdin,
// streaming line by line so that -q, -l and -m stop reading early, and the exit status.
import { EISDIR, ENOTDIR, strerror } from '../../uapi/errno.ts';
import { grepCompile, grepExitStatus, grepFileError, grepParseArgs, newGrepState } from './grep.ts';
import type { GrepMatcher, GrepState } from './grep.ts';
import { GrepScanner } from './grep_scan.ts';
import { dirExcluded, fileExcluded } from './grep_files.ts';
import { OutBuf, RecordReader } from './textio.ts';
import type { TextGen } from './textio.ts';
import { err, readWhole } from './textmain.ts';

export function* grepMain(argv: readonly string[]): TextGen<number> {
  const p = grepParseArgs(argv);
  if (!p.ok) {
    if (p.stdout) yield { op: 'out', fd: 1, data: p.stdout };
    if (p.stderr) yield* err(p.stderr);
    return p.status;
  }
  if (p.warnings) yield* err(p.warnings);
  const texts: string[] = [];
  for (const f of p.opts.patternFiles) {
    const t = yield* readWhole(f);
    if (typeof t === 'number') {
      yield* err(`grep: ${f}: ${strerror(t)}\n`);
      return 2;
    }
    texts.push(t);
  }
  const c = grepCompile(p.opts, texts);
  if (c.stderr) yield* err(c.stderr);
  if (!c.ok) return c.status;
  const noOperands = p.files.length === 0;
  const files = noOperands ? (p.opts.recursive ? ['.'] : ['-']) : p.files;
  const st = newGrepState(p.opts, files);
  const out = new OutBuf();
  const search = function* (file: string, shown: string, top: boolean): TextGen<boolean> {
    if (file === '-' && top) return yield* scanFile(st, c.matcher, '-', p.opts.label, out);
    const o = p.opts;
    if (o.directories !== 'read') {
      const entries = (yield { op: 'list', dir: file }) as string[] | number;
      if (Array.isArray(entries)) {
        // skipped_file(): -d skip drops directories; --exclude-dir those it names ("." given
        // by grep itself is never dropped).
        if (o.directories === 'skip' || (!(top && noOperands) && dirExcluded(o.dirFilters, file, top))) return false;
        for (const e of entries) {
          const child = file === '.' && noOperands ? e : `${file.replace(/\/$/, '')}/${e}`;
          const childShown = file === '.' && noOperands ? e : `${shown.replace(/\/$/, '')}/${e}`;
          if (yield* search(child, childShown, false)) return true;
        }
        return false;
      }
      if (entries !== -ENOTDIR) {
        yield* out.flush();
        yield* err(grepFileError(st, shown, -entries));
        return false;
      }
    }
    if (fileExcluded(o.fileFilters, file, top)) return false;
    return yield* scanFile(st, c.matcher, file, shown, out);
  };
  for (const f of files) {
    if (yield* search(f, f, true)) {
      yield* out.flush();
      return 0;
    }
  }
  yield* out.flush();
  return grepExitStatus(st);
}

/** Scan one file; true when -q has its answer and grep may stop. */
function* scanFile(st: GrepState, m: GrepMatcher, file: string, shown: string, out: OutBuf): TextGen<boolean> {
  const rd = new RecordReader(file, () => out.flush());
  // Like GNU grep, a NUL in the first buffer makes the file binary.
  // With -z the NUL ends lines, and a file is never binary in the C locale.
  const binary = !st.opts.text && !st.opts.nullData && !(yield* rd.atEnd()) && rd.pending.slice(0, 32768).includes('\0');
  if (rd.error) {
    yield* out.flush();
    yield* err(grepFileError(st, shown, rd.error === EISDIR ? EISDIR : rd.error));
    return false;
  }
  // -T: numbers as wide as the file's size has digits; 19 (INTMAX_MAX's) when it has none (a pipe).
  let width = 0;
  if (st.opts.initialTab) {
    const size = (yield { op: 'size', file }) as number;
    width = size >= 0 ? String(size).length : 19;
  }
  const sc = new GrepScanner(st, m, shown, binary, width);
  // -I: a binary file is read as one without a match.
  if (binary && st.opts.binaryFiles === 'without-match') sc.done = true;
  while (!sc.done) {
    const rec = yield* rd.next(st.opts.nullData ? '\0' : '\n');
    if (!rec) break;
    sc.line(rec.text);
    const s = sc.drain();
    if (s && out.add(s)) yield* out.flush();
  }
  if (rd.error) {
    yield* out.flush();
    yield* err(grepFileError(st, shown, rd.error));
    return false;
  }
  if (file !== '-') yield { op: 'close', file };
  const r = sc.finish();
  if (r.stdout && out.add(r.stdout)) yield* out.flush();
  if (r.stderr) {
    yield* out.flush();
    yield* err(r.stderr);
  }
  return st.opts.quiet && r.selected > 0;
}

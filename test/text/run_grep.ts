// What the grep program wrapper does around src/userland/text/grep.ts, over a MemFs: the
// reference for src/userland/bin/grep.
import { EISDIR, ENOENT } from '../../src/uapi/errno.ts';
import {
  grepCompile, grepData, grepExitStatus, grepFileError, grepParseArgs, newGrepState,
} from '../../src/userland/text/grep.ts';
import type { GrepState, GrepMatcher } from '../../src/userland/text/grep.ts';
import type { MemFs, Run } from './memfs.ts';

export function runGrep(argv: string[], fs: MemFs, stdin = ''): Run {
  const p = grepParseArgs(argv);
  if (!p.ok) return { stdout: p.stdout ?? '', stderr: p.stderr, status: p.status };
  const texts: string[] = [];
  for (const f of p.opts.patternFiles) {
    const t = f === '-' ? stdin : fs.read(f);
    if (typeof t === 'number') return { stdout: '', stderr: `grep: ${f}: No such file or directory\n`, status: 2 };
    texts.push(t);
  }
  const c = grepCompile(p.opts, texts);
  if (!c.ok) return { stdout: '', stderr: c.stderr, status: c.status };
  const noOperands = p.files.length === 0;
  const files = noOperands ? (p.opts.recursive ? ['.'] : ['-']) : p.files;
  const st = newGrepState(p.opts, files);
  const r: Run = { stdout: '', stderr: c.stderr, status: 0 };
  const one = (name: string, shown: string, top: boolean): boolean => {
    if (name === '-' && top) return search(st, c.matcher, stdin, '(standard input)', r);
    if (fs.isDir(name)) {
      if (!p.opts.recursive) {
        r.stderr += grepFileError(st, shown, EISDIR);
        return false;
      }
      for (const e of fs.list(name)) {
        const child = name === '.' ? e : `${name}/${e}`;
        const childShown = noOperands && name === '.' ? e : `${shown}/${e}`;
        if (one(child, childShown, false)) return true;
      }
      return false;
    }
    const data = fs.read(name);
    if (typeof data === 'number') {
      r.stderr += grepFileError(st, shown, data === -ENOENT ? ENOENT : -data);
      return false;
    }
    return search(st, c.matcher, data, shown, r);
  };
  for (const f of files) if (one(f, f, true)) return { ...r, status: 0 };
  r.status = grepExitStatus(st);
  return r;
}

/** Returns true when -q may stop the whole run. */
function search(st: GrepState, m: GrepMatcher, data: string, name: string, r: Run): boolean {
  const res = grepData(st, m, data, name);
  r.stdout += res.stdout;
  r.stderr += res.stderr;
  return st.opts.quiet && res.selected > 0;
}

// Debian's which (debianutils 5.7, a sh script): each name with a slash is checked as is,
// others searched in $PATH (an empty entry is "."); -a prints every match. Status 1 if any name
// is not found (or none given), 2 with "Usage: $0 [-a] args" for a bad option.
import { S_ISREG, X_OK } from '../../uapi/fcntl.ts';
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { writeAll } from '../lib/io.ts';
import { access, stat } from '../lib/sys.ts';
import { Output, getenv } from './common.ts';

/** The script's $0: it always runs from its own path. */
const SELF = '/usr/bin/which';

function* executable(path: string): UserGen<boolean> {
  const st = yield* stat(path);
  return typeof st !== 'number' && S_ISREG(st.mode) && (yield* access(path, X_OK)) === 0;
}

export function* which({ argv, envp }: ProgramArgs): UserGen {
  const out = new Output();
  let all = false;
  let i = 1;
  // getopts "a": option clusters until the first operand or "--".
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { i++; break; }
    if (!a.startsWith('-') || a === '-') break;
    for (const c of a.slice(1)) {
      if (c === 'a') all = true;
      else {
        yield* writeAll(2, `Illegal option -${c}\n`);
        yield* out.put(`Usage: ${SELF} [-a] args\n`);
        return yield* out.finish('which', 2);
      }
    }
  }
  const names = argv.slice(i);
  let path = getenv(envp, 'PATH') ?? '';
  if (/[^:]:$/.test(path)) path += ':';
  let status = names.length ? 0 : 1;
  for (const name of names) {
    let found = false;
    if (name.includes('/')) {
      if (yield* executable(name)) {
        yield* out.put(`${name}\n`);
        found = true;
      }
    } else {
      const dirs = path === '' ? [] : path.split(':');
      if (path.endsWith(':')) dirs.pop();
      for (const d of dirs) {
        const full = `${d || '.'}/${name}`;
        if (yield* executable(full)) {
          yield* out.put(`${full}\n`);
          found = true;
          if (!all) break;
        }
      }
    }
    if (!found) status = 1;
  }
  return yield* out.finish('which', status);
}

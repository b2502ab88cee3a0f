// Pathname expansion, a port of dash's expmeta() (expand.c, the non-glob(3) build Debian ships):
// walk the pattern a component at a time, reading directories with open(O_DIRECTORY) + getdents,
// matching names with pmatch; a leading dot must be matched explicitly; results are sorted with
// strcmp as dash's msort does.
import type { UserGen } from '../../uapi/syscalls.ts';
import { O_DIRECTORY, O_RDONLY, S_ISDIR, S_ISLNK } from '../../uapi/fcntl.ts';
import { close, getdents, lstat, open } from '../lib/sys.ts';
import { chargeMatching, pmatch } from './pattern.ts';

/** Remove backslash escapes from a pattern piece (a component without metacharacters). */
function unescape(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && i + 1 < s.length) i++;
    out += s[i];
  }
  return out;
}

/** Read a directory's entry names in getdents order, . and .. included; null if it cannot be opened. */
export function* readDir(path: string): UserGen<string[] | null> {
  const fd = yield* open(path, O_RDONLY | O_DIRECTORY);
  if (fd < 0) return null;
  const names: string[] = [];
  for (;;) {
    const r = yield* getdents(fd);
    if (typeof r === 'number' || r.length === 0) break;
    for (const d of r) names.push(d.name);
  }
  yield* close(fd);
  return names;
}

/** bash's shopt options: dotglob, globskipdots, nocaseglob, extglob, globstar. */
export interface GlobOpts {
  dotglob: boolean;
  skipdots: boolean;
  nocase: boolean;
  extglob: boolean;
  globstar?: boolean;
}

/**
 * Everything under `dir` for bash's `**` (glob.c's GX_ALLDIRS walk): paths relative to it,
 * dot files only with dotglob, descending into directories but not into symlinks to them.
 */
function* allEntries(dir: string, o: GlobOpts, rel = '', out: string[] = []): UserGen<string[]> {
  const names = yield* readDir(dir + rel === '' ? '.' : dir + rel);
  if (!names) return out;
  for (const d of names) {
    if (d === '.' || d === '..' || (d[0] === '.' && !o.dotglob)) continue;
    out.push(rel + d);
    const st = yield* lstat(dir + rel + d);
    if (typeof st !== 'number' && S_ISDIR(st.mode)) yield* allEntries(dir, o, `${rel + d}/`, out);
  }
  return out;
}

function* expmeta(expdir: string, name: string, out: string[], o?: GlobOpts): UserGen<void> {
  let metaflag = false;
  let start = 0;
  let p = 0;
  let esc = 0;
  for (; p < name.length; p += esc + 1) {
    esc = 0;
    const c = name[p];
    if (c === '*' || c === '?') metaflag = true;
    else if (o?.extglob && (c === '+' || c === '@' || c === '!') && name[p + 1] === '(') metaflag = true;
    else if (c === '[') {
      let q = p + 1;
      if (name[q] === '!') q++;
      for (;;) {
        if (name[q] === '\\') q++;
        if (q >= name.length || name[q] === '/') break;
        if (name[++q] === ']') {
          metaflag = true;
          break;
        }
      }
    } else {
      if (c === '\\' && p + 1 < name.length) esc++;
      if (name[p + esc] === '/') {
        if (metaflag) break;
        start = p + esc + 1;
      }
    }
  }
  if (!metaflag) {
    if (!expdir) return;
    const path = expdir + unescape(name);
    const st = yield* lstat(path);
    // Linux fails "file/" with ENOTDIR; checked here too in case the kernel resolves it.
    if (typeof st !== 'number' && (!path.endsWith('/') || S_ISDIR(st.mode) || S_ISLNK(st.mode))) out.push(path);
    return;
  }
  const endname = p;
  const dir = expdir + unescape(name.slice(0, start));
  const names = yield* readDir(dir === '' ? '.' : dir);
  if (!names) return;
  const atend = endname >= name.length;
  const comp = name.slice(start, endname);
  const rest = atend ? '' : name.slice(endname + esc + 1);
  if (o?.globstar && comp === '**') {
    const all = yield* allEntries(dir, o);
    if (atend) {
      // `a/**` matches a/ itself too; `**` alone does not match the current directory.
      if (dir) out.push(dir);
      for (const e of all) out.push(dir + e);
    } else if (rest === '') {
      // `**/`: the directories among them (a symlink to one included), marked with '/'.
      for (const e of all) yield* expmeta(`${dir + e}/`, '', out, o);
    } else {
      // Zero or more directories, then the rest of the pattern (symlinks are not followed).
      yield* expmeta(dir, rest, out, o);
      for (const e of all) {
        const st = yield* lstat(dir + e);
        if (typeof st !== 'number' && S_ISDIR(st.mode)) yield* expmeta(`${dir + e}/`, rest, out, o);
      }
    }
    yield* chargeMatching();
    return;
  }
  const matchdot = comp[0] === '.' || (comp[0] === '\\' && comp[1] === '.');
  for (const d of names) {
    if (d[0] === '.' && !matchdot && !o?.dotglob) continue;
    if (o && (o.skipdots || (o.dotglob && !matchdot)) && (d === '.' || d === '..')) continue;
    if (!(o?.nocase ? pmatch(comp.toLowerCase(), d.toLowerCase(), o.extglob) : pmatch(comp, d, o?.extglob))) continue;
    if (atend) out.push(dir + d);
    else yield* expmeta(`${dir + d}/`, rest, out, o);
  }
  yield* chargeMatching();
}

/** Expand a pattern (quoted characters backslash-escaped); sorted matches, or [] if none. */
export function* glob(pattern: string, o?: GlobOpts): UserGen<string[]> {
  const out: string[] = [];
  yield* expmeta('', pattern, out, o);
  out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return out;
}

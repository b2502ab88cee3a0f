// depmod.d (tools/depmod.c cfg_load() and depmod_module_is_higher_priority()): which copy of a
// module wins when several files give the same name (search, override), extra trees outside the
// module directory (external) and directory names to skip (exclude). The config paths are the
// host's own, never prefixed with -b, as in kmod.
import type { UserGen } from '../../uapi/syscalls.ts';
import { strerror } from '../../uapi/errno.ts';
import { S_ISDIR } from '../../uapi/fcntl.ts';
import type { KmodHost } from './host.ts';
import { LOG_INFO, type Logger } from './log.ts';
import { wrappedLines } from './lines.ts';
import { basename } from './names.ts';

/** SYSCONFDIR, /run, /usr/local/lib, DISTCONFDIR and /lib, each with depmod.d. */
export const DEPMOD_CONFIG_PATHS = ['/etc/depmod.d', '/run/depmod.d', '/usr/local/lib/depmod.d', '/usr/lib/depmod.d', '/lib/depmod.d'];

export type Search = { type: 'builtin' } | { type: 'external' } | { type: 'path'; path: string };

/** struct cfg's lists. kmod prepends every entry, so each list is in reverse file order. */
export interface DepmodCfg {
  searches: Search[];
  /** `subdir/modname`, compared with a module's path up to its first '.'. */
  overrides: string[];
  externals: string[];
  excludes: string[];
}

export const defaultDepmodCfg = (): DepmodCfg => ({ searches: [{ type: 'path', path: 'updates' }], overrides: [], externals: [], excludes: [] });

/**
 * cfg_kernel_matches(): `*` (the old style) or a POSIX extended regex found anywhere in the
 * release. JavaScript's regex engine stands in for regcomp(REG_EXTENDED); a pattern it cannot
 * compile matches nothing, as a regcomp() failure does.
 */
function kernelMatches(kversion: string, pattern: string): boolean {
  if (pattern === '*') return true;
  try {
    return new RegExp(pattern).test(kversion);
  } catch {
    return false;
  }
}

/** strtok_r(line, "\t ") over the whole line. */
const tokens = (line: string): string[] => line.split(/[\t ]+/).filter((w) => w !== '');

function* parseFile(host: KmodHost, log: Logger, cfg: DepmodCfg, kversion: string, filename: string): UserGen<void> {
  const text = yield* host.readFile(filename);
  if (typeof text === 'number') {
    yield* log.err(`file parse ${filename}: ${strerror(-text)}\n`);
    return;
  }
  for (const { text: raw, line: n } of wrappedLines(text)) {
    // The line is a C string: it ends at a NUL byte.
    const nul = raw.indexOf('\0');
    const line = nul < 0 ? raw : raw.slice(0, nul);
    if (line === '' || line[0] === '#') continue;
    const [cmd, ...args] = tokens(line);
    if (cmd === undefined) continue;
    const bad = () => log.err(`${filename}:${n}: ignoring bad line starting with '${cmd}'\n`);
    if (cmd === 'search') {
      for (const p of args) cfg.searches.unshift(p === 'built-in' ? { type: 'builtin' } : p === 'external' ? { type: 'external' } : { type: 'path', path: p });
    } else if (cmd === 'override') {
      const [modname, version, subdir] = args;
      if (subdir === undefined) yield* bad();
      else if (!kernelMatches(kversion, version)) yield* log.printf(LOG_INFO, `${filename}:${n}: override kernel did not match ${version}\n`);
      else cfg.overrides.unshift(`${subdir}/${modname}`);
    } else if (cmd === 'external') {
      const [version, dir] = args;
      if (dir === undefined) yield* bad();
      else if (!kernelMatches(kversion, version)) yield* log.printf(LOG_INFO, `${filename}:${n}: external directory did not match ${version}\n`);
      else cfg.externals.unshift(dir);
    } else if (cmd === 'exclude') {
      for (const d of args) cfg.excludes.unshift(d);
    } else if (cmd === 'include' || cmd === 'make_map_files') {
      yield* log.printf(LOG_INFO, `${filename}:${n}: command ${cmd} not implemented yet\n`);
    } else {
      yield* bad();
    }
  }
}

/**
 * cfg_load(): the files of every config path (a path may be a file), sorted by name; a name seen
 * in an earlier path hides the later ones. Without any `search`, "updates" is searched.
 */
export function* loadDepmodConfig(host: KmodHost, log: Logger, paths: readonly string[] | null, kversion: string): UserGen<DepmodCfg> {
  const files: { name: string; path: string }[] = [];
  const insert = (name: string, path: string) => {
    let i = 0;
    for (; i < files.length; i++) {
      if (name === files[i].name) return;
      if (name < files[i].name) break;
    }
    files.splice(i, 0, { name, path });
  };
  for (const dir of paths ?? DEPMOD_CONFIG_PATHS) {
    const st = yield* host.stat(dir);
    if (typeof st === 'number') continue;
    if (!S_ISDIR(st.mode)) {
      insert(basename(dir), dir);
      continue;
    }
    const ents = yield* host.listDir(dir);
    if (typeof ents === 'number') {
      yield* log.err(`files list ${dir}: ${strerror(-ents)}\n`);
      continue;
    }
    for (const e of ents) {
      // cfg_files_filter_out()
      if (e.name[0] === '.') continue;
      if (e.name.length < 6 || !e.name.endsWith('.conf')) {
        yield* log.printf(LOG_INFO, `All cfg files need .conf: ${dir}/${e.name}\n`);
        continue;
      }
      const est = yield* host.stat(`${dir}/${e.name}`);
      if (typeof est === 'number') {
        yield* log.err(`Cannot stat directory entry: ${dir}${e.name}\n`);
        continue;
      }
      if (S_ISDIR(est.mode)) {
        yield* log.err(`Directories inside directories are not supported: ${dir}/${e.name}\n`);
        continue;
      }
      insert(e.name, `${dir}/${e.name}`);
    }
  }
  const cfg: DepmodCfg = { searches: [], overrides: [], externals: [], excludes: [] };
  for (const f of files) yield* parseFile(host, log, cfg, kversion, f.path);
  if (cfg.searches.length === 0) cfg.searches.push({ type: 'path', path: 'updates' });
  return cfg;
}

/** should_exclude_dir(): `.`, `..`, build, source and every `exclude` name, files included. */
export function excluded(cfg: DepmodCfg, name: string): boolean {
  return name === '.' || name === '..' || name === 'build' || name === 'source' || cfg.excludes.includes(name);
}

/** A module path up to its base name's first '.', the length kmod compares. */
function stem(path: string): string {
  const slash = path.lastIndexOf('/');
  const dot = path.indexOf('.', slash + 1);
  return dot < 0 ? path : path.slice(0, dot);
}

/** depmod_is_path_starts_with(): `prefix` then a '/'. */
const under = (path: string, prefix: string): boolean => path.length > prefix.length && path[prefix.length] === '/' && path.startsWith(prefix);

/**
 * depmod_module_is_higher_priority(): does the module already found at `oldPath` beat the same
 * name at `newPath`? Overrides decide first; then the search list, where a later index wins and
 * paths under no entry get the index of `built-in` (or -1). Note kmod's else-if: the old path is
 * only tried against an entry the new path did not match.
 */
export function existingWins(cfg: DepmodCfg, dirname: string, oldPath: string, newPath: string): boolean {
  const newStem = stem(newPath);
  const oldStem = stem(oldPath);
  const rel = (s: string): string | null => (s.startsWith(dirname) ? s.slice(dirname.length + 1) : null);
  const relNew = rel(newStem);
  const relOld = rel(oldStem);
  for (const ov of cfg.overrides) {
    if (relNew === ov) return false;
    if (relOld === ov) return true;
  }
  let bprio = -1;
  let newprio = -1;
  let oldprio = -1;
  let i = 0;
  for (const se of cfg.searches) {
    if (se.type === 'builtin') {
      bprio = i;
    } else if (se.type === 'external') {
      for (const ext of cfg.externals) {
        if (under(newStem, ext)) newprio = i;
        if (under(oldStem, ext)) oldprio = i;
        i++;
      }
    } else if (relNew !== null && under(relNew, se.path)) {
      newprio = i;
    } else if (relOld !== null && under(relOld, se.path)) {
      oldprio = i;
    }
    i++;
  }
  if (newprio < 0) newprio = bprio;
  if (oldprio < 0) oldprio = bprio;
  return newprio <= oldprio;
}

// depmod (tools/depmod.c do_depmod()): find the modules under /lib/modules/<release>, read their
// headers, and write modules.dep, modules.alias, modules.softdep, modules.weakdep,
// modules.symbols, modules.builtin.alias (the text stand-in for modules.builtin.alias.bin) and
// modules.devname. Files are written to a temporary name and renamed into place. depmod.d
// (search/override/external/exclude) decides between copies of a module (depmod-config.ts).
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { EISDIR, strerror } from '../../uapi/errno.ts';
import { DT_DIR, DT_REG, S_ISDIR, S_ISREG } from '../../uapi/fcntl.ts';
import { parseKo } from '../../lib/ko.ts';
import type { KmodHost } from './host.ts';
import { LOG_CRIT, LOG_WARNING, type Logger } from './log.ts';
import { getopts, kmodNew, toolMain } from './tool.ts';
import { type DepmodModule, depmod } from './depmod-core.ts';
import { hasKoExtension, pathToModname } from './names.ts';
import { KMOD_VERSION_TEXT } from './version.ts';
import { DEPMOD_HELP, DEPMOD_LONGOPTS } from './depmod-opts.ts';
import { checkBuiltin, loadSymvers, loadSystemMap } from './depmod-files.ts';
import { type DepmodCfg, excluded, existingWins, loadDepmodConfig } from './depmod-config.ts';

interface Found { path: string; relpath: string | null; name: string }

/**
 * depmod_modules_search_path() and _dir(): every *.ko below dir, skipping the names
 * should_exclude_dir() rejects; of two files with one module name, existingWins() decides.
 */
function* search(host: KmodHost, log: Logger, cfg: DepmodCfg, dirname: string, dir: string, found: Map<string, Found>, top = dir): UserGen<number> {
  const ents = yield* host.listDir(dir);
  if (typeof ents === 'number') {
    // depmod_modules_search_path() fails for the top directory; subdirectories are skipped.
    if (dir === top) yield* log.err(`could not open directory ${dir}: ${strerror(-ents)}\n`);
    return ents;
  }
  for (const e of ents) {
    if (excluded(cfg, e.name)) continue;
    const path = `${dir}/${e.name}`;
    let isDir = e.type === DT_DIR;
    if (e.type !== DT_DIR && e.type !== DT_REG) {
      const st = yield* host.stat(path);
      if (typeof st === 'number') {
        yield* log.err(`fstatat(${dir}, ${e.name}): ${strerror(-st)}\n`);
        continue;
      }
      if (!S_ISDIR(st.mode) && !S_ISREG(st.mode)) continue;
      isDir = S_ISDIR(st.mode);
    }
    if (isDir) {
      yield* search(host, log, cfg, dirname, path, found, top);
      continue;
    }
    if (!hasKoExtension(e.name)) continue;
    const name = pathToModname(path);
    if (name === null) continue;
    const relpath = path.startsWith(`${dirname}/`) ? path.slice(dirname.length + 1) : null;
    const old = found.get(name);
    if (old && existingWins(cfg, dirname, old.path, path)) continue;
    if (old) found.delete(name);
    found.set(name, { path, relpath, name });
  }
  return 0;
}

/** depfile_up_to_date(): no .ko is newer than modules.dep. */
function* upToDate(host: KmodHost, log: Logger, dirname: string): UserGen<boolean> {
  const top = yield* host.stat(dirname);
  if (typeof top === 'number' || !S_ISDIR(top.mode)) {
    yield* log.err(`could not open directory ${dirname}: ${strerror(typeof top === 'number' ? -top : 20)}\n`);
    return false;
  }
  const dep = yield* host.stat(`${dirname}/modules.dep`);
  if (typeof dep === 'number') {
    yield* log.err(`could not fstatat(${dirname}, modules.dep): ${strerror(-dep)}\n`);
    return false;
  }
  const walk = function* (dir: string): UserGen<boolean> {
    const ents = yield* host.listDir(dir);
    if (typeof ents === 'number') return true;
    for (const e of ents) {
      if (e.name === 'build' || e.name === 'source') continue;
      const st = yield* host.stat(`${dir}/${e.name}`);
      if (typeof st === 'number') continue;
      if (S_ISDIR(st.mode)) {
        if (!(yield* walk(`${dir}/${e.name}`))) return false;
      } else if (S_ISREG(st.mode) && hasKoExtension(e.name) && Math.floor(st.mtime / 1000) > Math.floor(dep.mtime / 1000)) {
        return false;
      }
    }
    return true;
  };
  return yield* walk(dirname);
}

function* body(args: ProgramArgs, host: KmodHost, log: Logger): UserGen {
  const { opts, operands } = yield* getopts(host, args, 'aAb:m:o:C:E:F:evnP:wVh', DEPMOD_LONGOPTS);
  let toStdout = false, maybeAll = false, allFlag = false, printUnknown = false, warnDups = false;
  let symPrefix = '';
  let systemMap: string | null = null, symvers: string | null = null;
  let verbose = LOG_WARNING;
  let root = '';
  let outRoot: string | null = null;
  let moduleDir = '/lib/modules';
  const configPaths: string[] = [];
  for (const o of opts) {
    switch (o.opt) {
      case 'a': allFlag = true; break;
      case 'A': maybeAll = true; break;
      case 'b': root = yield* absolute(host, o.arg ?? ''); break;
      case 'm': moduleDir = o.arg ?? ''; break;
      case 'o': outRoot = yield* absolute(host, o.arg ?? ''); break;
      case 'C': configPaths.push(o.arg ?? ''); break;
      case 'w': warnDups = true; break;
      case 'E': symvers = o.arg; break;
      case 'F': systemMap = o.arg; break;
      case 'e': printUnknown = true; break;
      case 'v': verbose++; break;
      case 'n': toStdout = true; break;
      case 'P':
        if ((o.arg ?? '').length !== 1) {
          yield* log.printf(LOG_CRIT, '-P only takes a single char\n');
          return 1;
        }
        symPrefix = o.arg ?? '';
        break;
      case 'h': yield* host.write(1, DEPMOD_HELP(log.prog)); return 0;
      case 'V': yield* host.write(1, KMOD_VERSION_TEXT); return 0;
      default: return 1;
    }
  }
  let kversion: string;
  const rest = [...operands];
  if (rest.length) {
    if (!/^\s*[+-]?\d+\.\s*[+-]?\d+/.test(rest[0])) {
      yield* log.err(`Bad version passed ${rest[0]}\n`);
      return 1;
    }
    kversion = rest.shift()!;
  } else {
    kversion = (yield* host.uname()).release;
  }
  const md = moduleDir.replace(/^\/+/, '');
  const dirname = `${root}/${md}/${kversion}`;
  const outdir = `${outRoot ?? root}/${md}/${kversion}`;
  const all = allFlag || rest.length === 0;
  if (maybeAll) {
    if (toStdout) return 0;
    if (yield* upToDate(host, log, dirname)) return 0;
  }
  const ctx = yield* kmodNew(host, log, args, dirname);
  log.setup(verbose);
  // Module.symvers wins over System.map; a file that cannot be read is fatal.
  const symFile = symvers ?? systemMap;
  if (symFile !== null) {
    const r = symvers !== null ? yield* loadSymvers(host, log, symvers) : yield* loadSystemMap(host, log, symFile);
    if (r < 0) {
      yield* log.printf(LOG_CRIT, `could not load ${symFile}: ${strerror(-r)}\n`);
      return 1;
    }
  } else if (printUnknown) {
    yield* log.warn('-e needs -E or -F\n');
    printUnknown = false;
  }
  const found = new Map<string, Found>();
  if (all || maybeAll) {
    const cfg = yield* loadDepmodConfig(host, log, configPaths.length ? configPaths : null, kversion);
    const err = yield* search(host, log, cfg, dirname, dirname, found);
    if (err < 0) {
      yield* log.printf(LOG_CRIT, `could not search modules: ${strerror(-err)}\n`);
      return 1;
    }
    // depmod_modules_search(): then each external directory; their failures are not fatal.
    for (const ext of cfg.externals) yield* search(host, log, cfg, dirname, ext, found);
  } else {
    for (const path of rest) {
      if (path[0] !== '/') {
        yield* log.printf(LOG_CRIT, `${path}: not absolute path.\n`);
        return 1;
      }
      const m = yield* ctx.fromPath(path);
      if (typeof m === 'number') {
        yield* log.printf(LOG_CRIT, `could not create module ${path}: ${strerror(-m)}\n`);
        return 1;
      }
      found.set(m.name, { path, relpath: path.startsWith(`${dirname}/`) ? path.slice(dirname.length + 1) : null, name: m.name });
    }
  }
  const mods: DepmodModule[] = [];
  for (const f of found.values()) {
    const content = yield* host.readFile(f.path);
    const ko = typeof content === 'string' ? parseKo(content) : null;
    mods.push({ ...f, info: ko && ko.ok ? ko.image.info : null });
  }
  // dfdopen() warns about each of depmod's optional inputs that it cannot open:
  // modules.order here (depmod_modules_sort()), the builtin lists when writing files below.
  let order = yield* host.readFile(`${dirname}/modules.order`);
  // A directory opens fine and reads as an error, which fgets() takes for the end.
  if (order === -EISDIR) order = '';
  else if (typeof order === 'number') yield* warnOpen(log, 'modules.order', dirname, order);
  const bmi = yield* host.readFile(`${dirname}/modules.builtin.modinfo`);
  const r = depmod(mods, typeof order === 'string' ? order : null, typeof bmi === 'string' ? bmi : null, { verbose: verbose > LOG_WARNING, printUnknown, warnDups, symPrefix }, dirname);
  if (r.show.length) yield* host.write(1, r.show.join(''));
  for (const e of r.errors) yield* host.write(2, e);
  if (!r.ok) return 1;
  if (toStdout) {
    let text = '';
    for (const f of r.files.filter((x) => !x.bin)) {
      if (f.errors?.length) {
        if (text) yield* host.write(1, text);
        text = '';
        yield* host.write(2, f.errors.join(''));
      }
      text += f.content;
    }
    if (text) yield* host.write(1, text);
    return 0;
  }
  const mk = yield* host.mkdirP(outdir);
  if (mk < 0) {
    yield* log.printf(LOG_CRIT, `could not create directory ${outdir}: ${strerror(-mk)}\n`);
    return 1;
  }
  let seq = 0;
  for (const f of r.files) {
    // output_builtin_bin() (our modules.builtin.alias stands in for both builtin .bin files)
    // checks modules.builtin only when writing files, not with -n.
    if (f.name === 'modules.builtin.alias') {
      const builtin = yield* host.readFile(`${dirname}/modules.builtin`);
      if (typeof builtin === 'string') yield* checkBuiltin(log, builtin);
      else yield* warnOpen(log, 'modules.builtin', dirname, builtin);
      // output_builtin_alias_bin() comes next and opens modules.builtin.modinfo.
      if (typeof bmi === 'number') yield* warnOpen(log, 'modules.builtin.modinfo', dirname, bmi);
    }
    if (f.errors?.length) yield* host.write(2, f.errors.join(''));
    const tmp = `${outdir}/tmpfile${String(seq++).padStart(6, '0')}`;
    if ((yield* host.writeFile(tmp, f.content, 0o644)) < 0) {
      yield* log.err(`Could not create temporary file at '${outdir}'\n`);
      continue;
    }
    if ((yield* host.rename(tmp, `${outdir}/${f.name}`)) < 0) {
      yield* log.printf(LOG_CRIT, `publish temporary from ${tmp.slice(outdir.length + 1)} to ${f.name}\n`);
      return 1;
    }
    if (f.binErrors?.length) yield* host.write(2, f.binErrors.join(''));
  }
  return 0;
}

/** dfdopen()'s warning for a file it cannot open in the modules directory. */
function* warnOpen(log: Logger, file: string, dirname: string, err: number): UserGen<void> {
  yield* log.warn(`could not open ${file} at ${dirname}: ${strerror(-err)}\n`);
}

function* absolute(host: KmodHost, p: string): UserGen<string> {
  if (p[0] === '/') return p;
  const cwd = yield* host.getcwd();
  return typeof cwd === 'string' ? `${cwd}/${p}` : p;
}

export function depmodMain(args: ProgramArgs, host: KmodHost): UserGen {
  return toolMain(args, host, body);
}

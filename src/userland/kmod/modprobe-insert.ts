// modprobe's insertion side and its queries (tools/modprobe.c): insmod(), insmod_all(),
// module_new_from_any(), show_config(), --show-exports and --show-modversions.
import type { UserGen } from '../../uapi/syscalls.ts';
import { EEXIST, ENODATA, ENOENT, ENOEXEC, strerror } from '../../uapi/errno.ts';
import { koValues, parseKo } from '../../lib/ko.ts';
import type { Mod } from './ctx.ts';
import {
  PROBE_APPLY_BLACKLIST, PROBE_APPLY_BLACKLIST_ALIAS_ONLY, PROBE_DRY_RUN, PROBE_FAIL_ON_LOADED,
  PROBE_FORCE_MODVERSION, PROBE_FORCE_VERMAGIC, PROBE_IGNORE_COMMAND, PROBE_IGNORE_LOADED,
  printAction, probeInsert,
} from './probe.ts';
import { DEFAULT_VERBOSE, type Run, fatal, stdout } from './run.ts';
import { renderConfig } from './showconfig.ts';

/** module_new_from_any(): a path (`/...` or `./...`) or a name to look up. */
export function* moduleFromAny(run: Run, arg: string): UserGen<Mod[] | number> {
  if (arg.startsWith('/') || arg.startsWith('./')) {
    const m = yield* run.ctx.fromPath(arg);
    if (typeof m === 'number') {
      yield* fatal(run, `Failed to get module from path ${arg}: ${strerror(-m)}\n`);
      return -ENOENT;
    }
    return [m];
  }
  const list = yield* run.ctx.lookup(arg);
  if (typeof list === 'number' || list.length === 0) {
    yield* fatal(run, `Module ${arg} not found in directory ${run.ctx.dirname}\n`);
    return -ENOENT;
  }
  return list;
}

function* insmodInsert(run: Run, mod: Mod, flags: number, extra: string | null): UserGen<number> {
  const showing = run.f.doShow || run.f.verbose > DEFAULT_VERBOSE;
  let err = 0;
  if (run.f.lookupOnly) {
    yield* stdout(run, `${mod.name}\n`);
  } else {
    const act = showing ? function* (m: Mod, install: boolean, options: string): UserGen<void> {
      yield* stdout(run, yield* printAction(run.ctx, m, install, options));
    } : null;
    err = yield* probeInsert(run.ctx, mod, flags, extra, act);
  }
  // Positive values are blacklist flags: a silent success.
  if (err >= 0) return 0;
  if (err === -EEXIST) yield* run.log.err(`could not insert '${mod.name}': Module already in kernel\n`);
  else if (err === -ENOENT) yield* run.log.err(`could not insert '${mod.name}': Unknown symbol in module, or unknown parameter (see dmesg)\n`);
  else yield* run.log.err(`could not insert '${mod.name}': ${strerror(-err)}\n`);
  return err;
}

/** insmod(): every module the argument resolves to; the last one's status counts. */
export function* insmod(run: Run, arg: string, extra: string | null): UserGen<number> {
  const list = yield* moduleFromAny(run, arg);
  if (typeof list === 'number') return list;
  const f = run.f;
  let flags = PROBE_APPLY_BLACKLIST_ALIAS_ONLY;
  if (f.stripModversion || f.force) flags |= PROBE_FORCE_MODVERSION;
  if (f.stripVermagic || f.force) flags |= PROBE_FORCE_VERMAGIC;
  if (f.ignoreCommands) flags |= PROBE_IGNORE_COMMAND;
  if (f.ignoreLoaded) flags |= PROBE_IGNORE_LOADED;
  if (f.dryRun) flags |= PROBE_DRY_RUN;
  if (f.useBlacklist) flags |= PROBE_APPLY_BLACKLIST;
  if (f.firstTime) flags |= PROBE_FAIL_ON_LOADED;
  let err = 0;
  for (const m of list) err = yield* insmodInsert(run, m, flags, extra);
  return err;
}

export function* insmodAll(run: Run, args: readonly string[]): UserGen<number> {
  let err = 0;
  for (const a of args) {
    const r = yield* insmod(run, a, null);
    if (r < 0) err = r;
  }
  return err;
}

/** show_config(): the parsed configuration, then the modules.alias and modules.symbols indexes. */
export function* showConfig(run: Run): UserGen<number> {
  const text = renderConfig(run.ctx.config);
  const alias = (yield* run.ctx.aliasIndex()).dump();
  const symbols = (yield* run.ctx.symbolsIndex()).dump();
  yield* stdout(run, text + alias + symbols);
  return 0;
}

/** The virtual module's export= keys (kmod_module_get_symbols() reads __ksymtab and __kcrctab). */
function* moduleImage(run: Run, mod: Mod): UserGen<string[] | number> {
  const path = yield* run.ctx.path(mod);
  if (path === null) return -ENOENT;
  const content = yield* run.host.readFile(path);
  if (typeof content === 'number') return content;
  const ko = parseKo(content);
  if (!ko.ok) return -ENOEXEC;
  return koValues(ko.image, 'export');
}

/**
 * --show-exports prints `0x<crc>\t<symbol>` per exported symbol; virtual modules carry no CRCs
 * (as a kernel without CONFIG_MODVERSIONS), so the CRC is 0. --show-modversions reads the
 * __versions section, which virtual modules never have: kmod then fails with ENODATA.
 */
export function* showSymbols(run: Run, arg: string, which: 'exports' | 'modversions'): UserGen<number> {
  const list = yield* moduleFromAny(run, arg);
  if (typeof list === 'number') return list;
  let err = 0;
  for (const m of list) {
    const syms = yield* moduleImage(run, m);
    const what = which === 'exports' ? 'symbols' : 'modversions';
    const r = typeof syms === 'number' ? syms : which === 'modversions' ? -ENODATA : 0;
    if (r < 0) {
      yield* fatal(run, `could not get ${what} of ${m.name}: ${strerror(-r)}\n`);
      err = r;
      continue;
    }
    yield* stdout(run, (syms as string[]).map((s) => `0x00000000\t${s}\n`).join(''));
    err = 0;
  }
  return err;
}

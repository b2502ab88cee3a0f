// Insertion as libkmod does it (kmod_module_probe_insert_module() and friends in
// libkmod-module.c): build the probe list (hard dependencies with their softdeps, then the module
// with its softdeps; visited flags cut loops), then walk it: skip live modules, run an install
// command or insert the .ko with its options. Softdep failures are ignored; a failure of the
// module or of a hard dependency stops the walk.
import type { UserGen } from '../../uapi/syscalls.ts';
import { EEXIST, EINVAL, ENOENT, strerror } from '../../uapi/errno.ts';
import { WEXITSTATUS } from '../../uapi/wait.ts';
import type { KmodCtx, Mod } from './ctx.ts';
import { KMOD_MODULE_BUILTIN } from './ctx.ts';
import { LOG_ERR, LOG_INFO } from './log.ts';

/** KMOD_PROBE_* flags (libkmod.h). */
export const PROBE_FORCE_VERMAGIC = 0x1, PROBE_FORCE_MODVERSION = 0x2, PROBE_IGNORE_COMMAND = 0x4,
  PROBE_IGNORE_LOADED = 0x8, PROBE_DRY_RUN = 0x10, PROBE_FAIL_ON_LOADED = 0x20,
  PROBE_APPLY_BLACKLIST_ALL = 0x10000, PROBE_APPLY_BLACKLIST = 0x20000, PROBE_APPLY_BLACKLIST_ALIAS_ONLY = 0x40000;

/** finit_module() flags (include/uapi/linux/module.h). */
export const MODULE_INIT_IGNORE_MODVERSIONS = 1, MODULE_INIT_IGNORE_VERMAGIC = 2;

export type PrintAction = (m: Mod, install: boolean, options: string) => UserGen<void>;

/** module_options_concat(): config options, a space, then the extra (command-line) options. */
export function optionsConcat(opt: string | null, xopt: string | null): string | null {
  if (!opt && !xopt) return null;
  return `${opt !== null ? `${opt} ` : ''}${xopt ?? ''}`;
}

/** Replace every `$CMDLINE_OPTS` with the option string, unquoted. */
export function expandCmdlineOpts(command: string, options: string | null): string {
  return command.split('$CMDLINE_OPTS').join(options ?? '');
}

function* fillSoftdep(ctx: KmodCtx, mod: Mod, list: Mod[]): UserGen<void> {
  const { pre, post } = yield* ctx.softdeps(mod);
  for (const m of pre) yield* probeList(ctx, m, false, false, list);
  list.push(mod);
  mod.ignorecmd = pre.length > 0 || post.length > 0;
  for (const m of post) yield* probeList(ctx, m, false, false, list);
}

function* probeList(ctx: KmodCtx, mod: Mod, required: boolean, ignorecmd: boolean, list: Mod[]): UserGen<void> {
  if (mod.visited) return;
  mod.visited = true;
  const deps = yield* ctx.dependencies(mod);
  if (required) {
    mod.required = true;
    for (const d of deps) d.required = true;
  }
  for (const d of deps) yield* fillSoftdep(ctx, d, list);
  if (ignorecmd) {
    list.push(mod);
    mod.ignorecmd = true;
  } else {
    yield* fillSoftdep(ctx, mod, list);
  }
}

/** kmod_module_get_probe_list(). */
export function* getProbeList(ctx: KmodCtx, mod: Mod, ignorecmd: boolean): UserGen<Mod[]> {
  for (const m of ctx.pool.values()) {
    m.visited = false;
    m.required = false;
  }
  const list: Mod[] = [];
  yield* probeList(ctx, mod, true, ignorecmd, list);
  return list;
}

/** kmod_module_insert_module(). */
export function* insertModule(ctx: KmodCtx, mod: Mod, flags: number, options: string | null): UserGen<number> {
  const path = yield* ctx.path(mod);
  if (path === null) {
    yield* ctx.log.kmod(LOG_ERR, 'kmod_module_insert_module', `could not find module by name='${mod.name}'\n`);
    return -ENOENT;
  }
  let kflags = 0;
  if (flags & PROBE_FORCE_VERMAGIC) kflags |= MODULE_INIT_IGNORE_VERMAGIC;
  if (flags & PROBE_FORCE_MODVERSION) kflags |= MODULE_INIT_IGNORE_MODVERSIONS;
  const err = yield* ctx.host.insertModule(path, options ?? '', kflags);
  if (err < 0) yield* ctx.log.kmod(LOG_INFO, 'kmod_module_insert_module', `Failed to insert module '${path}': ${strerror(-err)}\n`);
  return err < 0 ? err : 0;
}

/** libkmod's command_do(): system() with MODPROBE_MODULE set. */
export function* runCommand(ctx: KmodCtx, mod: Mod, type: string, cmd: string): UserGen<number> {
  ctx.env.set('MODPROBE_MODULE', mod.name);
  const status = yield* ctx.host.system(cmd, ctx.env.list());
  ctx.env.unset('MODPROBE_MODULE');
  if (status === -1) {
    yield* ctx.log.kmod(LOG_ERR, 'command_do', `Could not run ${type} command '${cmd}' for module ${mod.name}: ${strerror(EINVAL)}\n`);
    return -EINVAL;
  }
  if (WEXITSTATUS(status)) {
    yield* ctx.log.kmod(LOG_ERR, 'command_do', `Error running ${type} command '${cmd}' for module ${mod.name}: retcode ${WEXITSTATUS(status)}\n`);
    return -EINVAL;
  }
  return 0;
}

/**
 * kmod_module_probe_insert_module(). Returns 0, a positive blacklist flag (a silent success),
 * or -errno.
 */
export function* probeInsert(ctx: KmodCtx, mod: Mod, flags: number, extra: string | null, show: PrintAction | null): UserGen<number> {
  if (!(flags & PROBE_IGNORE_LOADED) && (yield* ctx.inKernel(mod))) {
    return flags & PROBE_FAIL_ON_LOADED ? -EEXIST : 0;
  }
  if (ctx.config.isBlacklisted(mod.name)) {
    if (mod.alias !== null && flags & PROBE_APPLY_BLACKLIST_ALIAS_ONLY) return PROBE_APPLY_BLACKLIST_ALIAS_ONLY;
    if (flags & PROBE_APPLY_BLACKLIST_ALL) return PROBE_APPLY_BLACKLIST_ALL;
    if (flags & PROBE_APPLY_BLACKLIST) return PROBE_APPLY_BLACKLIST;
  }
  let list = yield* getProbeList(ctx, mod, !!(flags & PROBE_IGNORE_COMMAND));
  if (flags & PROBE_APPLY_BLACKLIST_ALL) {
    list = list.filter((m) => !ctx.config.isBlacklisted(m.name));
    if (list.length === 0) return PROBE_APPLY_BLACKLIST_ALL;
  }
  let err = 0;
  for (const m of list) {
    const cmd = ctx.installCommand(m);
    if (!(flags & PROBE_IGNORE_LOADED) && (yield* ctx.inKernel(m))) {
      err = -EEXIST;
    } else {
      const options = optionsConcat(ctx.options(m), m === mod ? extra : null);
      if (cmd !== null && !m.ignorecmd) {
        if (show) yield* show(m, true, options ?? '');
        if (!(flags & PROBE_DRY_RUN)) err = yield* runCommand(ctx, m, 'install', expandCmdlineOpts(cmd, options));
      } else {
        if (show) yield* show(m, false, options ?? '');
        if (!(flags & PROBE_DRY_RUN)) err = yield* insertModule(ctx, m, flags, options);
      }
    }
    // "Already loaded" is fine unless it is the module itself and --first-time was given;
    // softdep failures are ignored.
    if (err === -EEXIST && m === mod && flags & PROBE_FAIL_ON_LOADED) break;
    if (err === -EEXIST || !m.required) err = 0;
    else if (err < 0) break;
  }
  return err;
}

/** print_action() of tools/modprobe.c. */
export function* printAction(ctx: KmodCtx, m: Mod, install: boolean, options: string): UserGen<string> {
  if (install) return `install ${ctx.installCommand(m)} ${options}\n`;
  const path = yield* ctx.path(m);
  if (path === null) {
    return (yield* ctx.initstate(m)) === KMOD_MODULE_BUILTIN ? `builtin ${m.name}\n` : '';
  }
  return `insmod ${path} ${options}\n`;
}

// `modprobe -r` (rmmod_do_module() and friends in tools/modprobe.c): post-softdeps, holders (with
// --remove-holders), the refcount check, the remove command or delete_module(), then one
// deepest-first pass over the hard dependencies whose refcount is now 0, then pre-softdeps.
import type { UserGen } from '../../uapi/syscalls.ts';
import { EAGAIN, EBUSY, EEXIST, ENOENT, EOPNOTSUPP, strerror } from '../../uapi/errno.ts';
import { O_NONBLOCK, O_TRUNC } from '../../uapi/fcntl.ts';
import { WEXITSTATUS } from '../../uapi/wait.ts';
import type { Mod } from './ctx.ts';
import { KMOD_MODULE_BUILTIN } from './ctx.ts';
import { LOG_ERR } from './log.ts';
import { type Run, fatal, show } from './run.ts';

/** KMOD_REMOVE_FORCE is O_TRUNC, KMOD_REMOVE_NOWAIT O_NONBLOCK; NOLOG is libkmod-only. */
export const REMOVE_FORCE = O_TRUNC, REMOVE_NOWAIT = O_NONBLOCK, REMOVE_NOLOG = 1;

const FLAG_REMOVE_HOLDERS = 1, FLAG_IGNORE_BUILTIN = 2;

/** kmod_module_remove_module(): delete_module(name, O_NONBLOCK [| O_TRUNC]). */
function* removeModule(run: Run, mod: Mod, flags: number): UserGen<number> {
  const kflags = (flags & REMOVE_FORCE) | REMOVE_NOWAIT;
  const r = yield* run.host.deleteModule(mod.name, kflags);
  if (r < 0 && !(flags & REMOVE_NOLOG)) {
    yield* run.log.kmod(LOG_ERR, 'kmod_module_remove_module', `could not remove '${mod.name}': ${strerror(-r)}\n`);
  }
  return r < 0 ? r : 0;
}

/** get_backoff_delta_msec(): exponential backoff, capped by the time left. */
export function backoff(tend: number, now: number, delta: number): { until: number; delta: number } {
  let d = delta;
  if (tend <= now) {
    d = 0;
  } else {
    const limit = tend - now;
    d = d === 0 ? 1 : d * 2;
    while (d > limit) d = Math.floor(d / 2);
    if (d === 0) d = limit;
  }
  return { until: now + d, delta: d };
}

/** rmmod_do_remove_module(): show, then delete (retrying "busy" with -w). */
function* doRemoveModule(run: Run, mod: Mod): UserGen<number> {
  yield* show(run, `rmmod ${mod.name}\n`);
  if (run.f.dryRun) return 0;
  let flags = 0;
  if (run.f.force) flags |= REMOVE_FORCE;
  if (run.f.waitMsec) flags |= REMOVE_NOLOG;
  let err: number;
  let tend = 0;
  let interval = 0;
  do {
    err = yield* removeModule(run, mod, flags);
    if (err === -EEXIST) {
      if (!run.f.firstTime) err = 0;
      else yield* fatal(run, `Module ${mod.name} is not in kernel.\n`);
      break;
    } else if (err === -EAGAIN && run.f.waitMsec) {
      if (!tend) {
        tend = (yield* run.host.nowMs()) + run.f.waitMsec;
        interval = 1;
      }
      const now = yield* run.host.nowMs();
      const b = backoff(tend, now, interval);
      interval = b.delta;
      // now_msec() failing makes kmod give up with ENOTSUP (our clock reports failure as < 0).
      const e = now < 0 ? -EOPNOTSUPP : b.until > now ? yield* run.host.sleepMs(b.until - now) : 0;
      if (e < 0) {
        yield* run.log.err(`Failed to sleep: ${strerror(-e)}\n`);
        err = -EAGAIN;
        break;
      }
      err = -EAGAIN;
    } else {
      break;
    }
  } while (interval);
  if (err < 0 && run.f.waitMsec) yield* run.log.err(`could not remove '${mod.name}': ${strerror(-err)}\n`);
  return err;
}

/** command_do() of tools/modprobe.c, for remove commands (remove commands get no options). */
function* commandDo(run: Run, mod: Mod, type: string, command: string): UserGen<number> {
  const cmd = command.split('$CMDLINE_OPTS').join('');
  yield* show(run, `${type} ${cmd}\n`);
  if (run.f.dryRun) return 0;
  run.ctx.env.set('MODPROBE_MODULE', mod.name);
  let ret = yield* run.host.system(cmd, run.ctx.env.list());
  run.ctx.env.unset('MODPROBE_MODULE');
  if (ret === -1 || WEXITSTATUS(ret)) {
    yield* fatal(run, `Error running ${type} command for ${mod.name}\n`);
    if (ret !== -1) ret = -WEXITSTATUS(ret);
  }
  return ret;
}

/** rmmod_do_modlist(): remove in reverse order; built-in entries are skipped silently. */
function* removeList(run: Run, list: Mod[], stopOnErrors: boolean): UserGen<number> {
  for (let i = list.length - 1; i >= 0; i--) {
    const r = yield* removeOne(run, list[i], FLAG_IGNORE_BUILTIN);
    if (r < 0 && stopOnErrors) return r;
  }
  return 0;
}

function* removeOne(run: Run, mod: Mod, flags: number): UserGen<number> {
  const { ctx, f } = run;
  let pre: Mod[] = [];
  let post: Mod[] = [];
  let cmd: string | null = null;
  if (!f.ignoreCommands) {
    ({ pre, post } = yield* ctx.softdeps(mod));
    cmd = ctx.removeCommand(mod);
  }
  if (!cmd && !f.ignoreLoaded) {
    const state = yield* ctx.initstate(mod);
    if (state < 0) {
      if (f.firstTime) {
        yield* fatal(run, `Module ${mod.name} is not in kernel.\n`);
        return -ENOENT;
      }
      return 0;
    }
    if (state === KMOD_MODULE_BUILTIN) {
      if (flags & FLAG_IGNORE_BUILTIN) return 0;
      yield* fatal(run, `Module ${mod.name} is builtin.\n`);
      return -ENOENT;
    }
  }
  yield* removeList(run, post, false);
  if (flags & FLAG_REMOVE_HOLDERS) {
    const holders = yield* ctx.holders(mod);
    const r = yield* removeList(run, holders, true);
    if (r < 0) return r;
  }
  if (!cmd && !f.ignoreLoaded && !f.waitMsec) {
    const usage = yield* ctx.refcnt(mod);
    if (usage > 0) {
      yield* fatal(run, `Module ${mod.name} is in use.\n`);
      return -EBUSY;
    }
  }
  let err: number;
  if (!cmd) {
    // The dev tree skips a module whose refcnt file vanished (already removed as a holder).
    err = (yield* ctx.refcnt(mod)) !== -ENOENT ? yield* doRemoveModule(run, mod) : 0;
  } else {
    err = yield* commandDo(run, mod, 'remove', cmd);
  }
  if (err < 0) return err;
  if (!cmd) {
    for (const dep of yield* ctx.dependencies(mod)) {
      if ((yield* ctx.refcnt(dep)) === 0) yield* doRemoveModule(run, dep);
    }
  }
  yield* removeList(run, pre, false);
  return err;
}

/** rmmod(): every module the name resolves to; stop at the first failure. */
export function* rmmod(run: Run, alias: string): UserGen<number> {
  const list = yield* run.ctx.lookup(alias);
  if (typeof list === 'number') return list;
  let err = 0;
  if (list.length === 0) {
    yield* fatal(run, `Module ${alias} not found.\n`);
    err = -ENOENT;
  }
  for (const m of list) {
    err = yield* removeOne(run, m, run.f.removeHolders ? FLAG_REMOVE_HOLDERS : 0);
    if (err < 0) break;
  }
  return err;
}

export function* rmmodAll(run: Run, args: readonly string[]): UserGen<number> {
  let err = 0;
  for (const a of args) {
    const r = yield* rmmod(run, a);
    if (r < 0) err = r;
  }
  return err;
}

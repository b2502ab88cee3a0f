// The state of one modprobe run: tools/modprobe.c keeps it in file-scope statics.
import type { UserGen } from '../../uapi/syscalls.ts';
import type { KmodCtx } from './ctx.ts';
import type { KmodHost } from './host.ts';
import type { Logger } from './log.ts';
import { LOG_CRIT, LOG_WARNING } from './log.ts';

export const DEFAULT_VERBOSE = LOG_WARNING;

export interface ModprobeFlags {
  /** Priority of LOG(): FATAL, or WARNING with -a. */
  logPriority: number;
  verbose: number;
  doShow: boolean;
  dryRun: boolean;
  ignoreLoaded: boolean;
  lookupOnly: boolean;
  firstTime: boolean;
  ignoreCommands: boolean;
  useBlacklist: boolean;
  force: boolean;
  stripModversion: boolean;
  stripVermagic: boolean;
  removeHolders: boolean;
  waitMsec: number;
}

export function defaultFlags(): ModprobeFlags {
  return {
    logPriority: LOG_CRIT, verbose: DEFAULT_VERBOSE, doShow: false, dryRun: false, ignoreLoaded: false,
    lookupOnly: false, firstTime: false, ignoreCommands: false, useBlacklist: false, force: false,
    stripModversion: false, stripVermagic: false, removeHolders: false, waitMsec: 0,
  };
}

export interface Run {
  host: KmodHost;
  log: Logger;
  ctx: KmodCtx;
  f: ModprobeFlags;
}

/** Write to stdout at once (as a terminal's line buffering would show it). */
export function* stdout(run: { host: KmodHost }, text: string): UserGen<void> {
  if (text) yield* run.host.write(1, text);
}

/** SHOW(): the action lines, printed with -v, -D or -n. */
export function* show(run: Run, text: string): UserGen<void> {
  if (!run.f.doShow && run.f.verbose <= DEFAULT_VERBOSE) return;
  yield* stdout(run, text);
}

/** LOG(): FATAL (exits at once when printed), or WARNING with -a. */
export function* fatal(run: Run, text: string): UserGen<void> {
  yield* run.log.printf(run.f.logPriority, text);
}

// What the page says when the watchdog (watchdog.ts) replaces a worker that stopped answering:
// a line in the console where the old machine's output ends, the status bar, and the alert when
// it gives up. After a reboot without the user's files the tab stops saving, so the saved copy of
// those files stays as it was for the next visit.
import type { BootInfo } from '../worker/api.ts';
import type { Autosave } from './autosave.ts';
import type { Restart, Watchdog } from './watchdog.ts';

export interface RestartHost {
  watchdog: Watchdog;
  autosave: Autosave;
  status(msg: string): void;
  alert(msg: string): void;
  /** The next machine's console starts with this line instead of the welcome banner. */
  notice(text: string): void;
  /** Write to the console now. */
  write(text: string): void;
  /** The new machine booted: adopt it (tree, editor) like any reboot. */
  booted(info: BootInfo): void;
}

/** One restart, for the end-to-end tests: how long the worker was silent, how long the reboot took (ms). */
export interface RestartTiming {
  silentMs: number;
  bootMs: number;
  withoutFiles: boolean;
}

const secs = (ms: number): string => (ms / 1000).toFixed(1);

export function restartMessage(r: Restart): string {
  if (r.withoutFiles) {
    return `khelper: the engine stopped answering for ${secs(r.silentMs)} s while booting with your files, so it was restarted without them. `
      + 'Your saved files are kept as they were and this tab no longer saves; reload the page to try them again.';
  }
  const files = r.files === 0 ? 'you had no changed files' : `your files were restored (${r.files} changed path${r.files === 1 ? '' : 's'}`
    + `${Number.isFinite(r.filesAgeMs) && r.filesAgeMs > 5000 ? `, as they were ${secs(r.filesAgeMs)} s before` : ''})`;
  return `khelper: the engine stopped answering for ${secs(r.silentMs)} s and was restarted; ${files}.`;
}

export function gaveUpMessage(silentMs: number): string {
  return `khelper: the engine stopped answering again (${secs(silentMs)} s), even without your files, and was not restarted. `
    + 'Your saved files are kept. Reload the page to start again.';
}

export function watchRestarts(h: RestartHost): RestartTiming[] {
  const timings: RestartTiming[] = [];
  let since = 0;
  h.watchdog.on('restarting', (r) => {
    since = performance.now();
    if (r.withoutFiles) h.autosave.enabled = false;
    const msg = restartMessage(r);
    h.notice(`\r\n\x1b[1;33m${msg}\x1b[0m\n`);
    h.status(msg.replace(/^khelper: t/, 'T'));
  });
  h.watchdog.on('restarted', (r, info) => {
    timings.push({ silentMs: r.silentMs, bootMs: performance.now() - since, withoutFiles: r.withoutFiles });
    h.booted(info);
  });
  h.watchdog.on('gaveUp', (silentMs) => {
    h.autosave.enabled = false;
    const msg = gaveUpMessage(silentMs);
    h.write(`\r\n\x1b[1;31m${msg}\x1b[0m\n`);
    h.alert(msg.replace(/^khelper: t/, 'T'));
  });
  return timings;
}

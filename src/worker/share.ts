// The state as a scenario for a share link (docs/design/share.md): the scenario the machine was
// started from (an example, an import, a link) with its steps, plus what changed since; or, for
// the default system, the user's changes against it (what Export writes).
import { bytesToUtf8, utf8ToBytes } from '../lib/bytes.ts';
import { changedPaths, snapshotFs } from '../init/host_fs.ts';
import type { Changes, FsSnapshot } from '../init/host_fs.ts';
import { toScenario } from '../init/host_scenario.ts';
import type { Scenario } from '../init/host_scenario.ts';
import type { Machine } from '../init/machine.ts';
import { S_IFMT, S_IFREG } from '../uapi/fcntl.ts';
import type { KernelSettings } from './api.ts';

/** The scenario a machine was started from, and its files right after boot (before any step). */
export interface Origin {
  scenario: Scenario;
  start: FsSnapshot;
}

export function originOf(scenario: Scenario, m: Machine): Origin {
  return { scenario: JSON.parse(JSON.stringify(scenario)) as Scenario, start: snapshotFs(m) };
}

export interface Shared {
  scenario: Scenario;
  /** What a scenario cannot hold (removed default files, symlinks, binary files). */
  skipped: string[];
}

/**
 * Untouched since it started (no key typed, no file or setting changed by the user): the origin
 * itself, so the link replays exactly. Otherwise the origin's settings and steps with the current
 * kernel settings and files laid over: the steps then run again on top of the user's edits (and of
 * whatever earlier steps wrote, which a scenario cannot tell apart from an edit).
 */
export function shareFrom(m: Machine, origin: Origin | null, edited: boolean, kernel: KernelSettings,
  changes: () => Changes, view: Record<string, unknown> | undefined): Shared {
  if (!origin) {
    const c = changes();
    const n = Object.keys(c.files).length;
    const { scenario, skipped } = toScenario('A shared khelper playground', `The ${kernel.profile} system with ${n} file${n === 1 ? '' : 's'} changed from the default one.`, kernel, c);
    return { scenario: withView(scenario, view), skipped };
  }
  const s: Scenario = JSON.parse(JSON.stringify(origin.scenario)) as Scenario;
  if (!edited) return { scenario: withView(s, view), skipped: [] };
  s.kernel = { ...s.kernel, profile: kernel.profile, arch: kernel.arch, threadsMax: kernel.threadsMax, modprobePath: kernel.modprobePath };
  const files = { ...s.files };
  const skipped: string[] = [];
  const now = snapshotFs(m);
  for (const p of changedPaths(origin.start, now).sort()) {
    const e = now.get(p);
    if (!e) {
      if (p in files) delete files[p];
      else if (origin.start.has(p) && (origin.start.get(p)!.mode & S_IFMT) === S_IFREG) skipped.push(`${p} (removed)`);
      continue;
    }
    if ((e.mode & S_IFMT) !== S_IFREG) continue;
    const text = bytesToUtf8(e.data);
    if (utf8ToBytes(text) !== e.data) {
      skipped.push(`${p} (not text)`);
      continue;
    }
    const perm = e.mode & 0o7777;
    files[p] = perm === (text.startsWith('#!') ? 0o755 : 0o644) ? text : { content: text, mode: `0${perm.toString(8).padStart(3, '0')}` };
  }
  s.files = files;
  return { scenario: withView(s, view), skipped };
}

function withView(s: Scenario, view: Record<string, unknown> | undefined): Scenario {
  if (view && Object.keys(view).length) s.view = view;
  else delete s.view;
  return s;
}

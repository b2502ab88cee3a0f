// Snapshots of the machine's own files (the ram root and tmpfs /tmp; not /proc, /sys, /dev or
// other mounts) for a host: which paths changed since the last look (the editor follows edits
// made from the console), and what the user changed against the default root filesystem (what
// the playground saves and exports).
import { S_IFDIR, S_IFLNK, S_IFMT, S_IFREG } from '../uapi/fcntl.ts';
import type { Inode } from '../kernel/vfs.ts';
import { kMkdirP, kRemove, kStat, kSymlink, kWriteFile, kChmod } from '../kernel/vfs_api.ts';
import type { Machine } from './machine.ts';

export interface SnapEntry {
  mode: number;
  /** File content, link target, or '' for anything else. */
  data: string;
}

export type FsSnapshot = Map<string, SnapEntry>;

export interface Changes {
  files: Record<string, { content: string; mode: number }>;
  links: Record<string, string>;
  dirs: Record<string, number>;
  deleted: string[];
}

/** Mounts whose files are the user's too (tmpfs is lost at a real reboot, not at a page reload). */
const KEPT_MOUNTS = new Set(['/tmp']);

export function snapshotFs(m: Machine): FsSnapshot {
  const k = m.k;
  const snap: FsSnapshot = new Map();
  const walk = (dir: Inode, path: string): void => {
    if (!dir.entries) return;
    for (const [name, child] of dir.entries) {
      const p = path === '/' ? `/${name}` : `${path}/${name}`;
      const mnt = k.mounts.byMountpoint.get(child);
      const ino = mnt && KEPT_MOUNTS.has(p) ? mnt.root : child;
      const type = ino.mode & S_IFMT;
      snap.set(p, { mode: ino.mode, data: type === S_IFREG ? ino.data : type === S_IFLNK ? ino.target : '' });
      if (type === S_IFDIR && (!mnt || KEPT_MOUNTS.has(p))) walk(ino, p);
    }
  };
  walk(k.rootInode, '/');
  return snap;
}

/** Paths added, removed or changed (content, target or mode) between two snapshots. */
export function changedPaths(before: FsSnapshot, after: FsSnapshot): string[] {
  const out: string[] = [];
  for (const [p, e] of after) {
    const o = before.get(p);
    if (!o || o.mode !== e.mode || o.data !== e.data) out.push(p);
  }
  for (const p of before.keys()) if (!after.has(p)) out.push(p);
  return out;
}

const parentOf = (p: string): string => p.slice(0, p.lastIndexOf('/')) || '/';

/** What differs from a baseline (a freshly booted default machine of the same profile). */
export function userChanges(m: Machine, baseline: FsSnapshot): Changes {
  const now = snapshotFs(m);
  const out: Changes = { files: {}, links: {}, dirs: {}, deleted: [] };
  for (const [p, e] of now) {
    const b = baseline.get(p);
    if (b && b.mode === e.mode && b.data === e.data) continue;
    const type = e.mode & S_IFMT;
    if (type === S_IFREG) out.files[p] = { content: e.data, mode: e.mode & 0o7777 };
    else if (type === S_IFLNK) out.links[p] = e.data;
    else if (type === S_IFDIR && (!b || (b.mode & S_IFMT) !== S_IFDIR || b.mode !== e.mode)) out.dirs[p] = e.mode & 0o7777;
    // Other node types (fifos, sockets) are not kept.
  }
  for (const p of baseline.keys()) {
    // Only the top of a removed subtree: removing it removes the rest.
    if (!now.has(p) && now.has(parentOf(p))) out.deleted.push(p);
  }
  out.deleted.sort();
  return out;
}

/** Lay saved changes over a machine before it boots; failures come back as (path, -errno). */
export function applyChanges(m: Machine, c: Changes): [string, number][] {
  const k = m.k;
  const errors: [string, number][] = [];
  const note = (p: string, r: number): void => {
    if (r < 0) errors.push([p, r]);
  };
  for (const p of c.deleted) note(p, kRemove(k, p, true));
  for (const [p, mode] of Object.entries(c.dirs).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const r = kMkdirP(k, p, mode);
    note(p, typeof r === 'number' ? r : kChmod(k, p, mode));
  }
  for (const [p, f] of Object.entries(c.files)) {
    const st = kStat(k, p, false);
    if (typeof st !== 'number' && (st.mode & S_IFMT) !== S_IFREG) kRemove(k, p, true);
    note(p, kWriteFile(k, p, f.content, f.mode));
  }
  for (const [p, target] of Object.entries(c.links)) {
    if (typeof kStat(k, p, false) !== 'number') kRemove(k, p, true);
    note(p, kSymlink(k, target, p));
  }
  return errors;
}

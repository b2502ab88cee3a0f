// /proc/PID/mounts (fs/namespace.c show_vfsmnt() on 2.6.20, fs/proc_namespace.c on 6.6): one
// line per mount, "device mountpoint type options 0 0". khelper has a single mount namespace.
import { MS_NODEV, MS_NOEXEC, MS_NOSUID, MS_RDONLY } from '../uapi/fcntl.ts';
import type { Kernel } from './kernel.ts';
import { mountFlags } from './vfs.ts';
import type { SuperBlock } from './vfs.ts';

/**
 * show_vfsmnt()'s options: ro/rw, then the mount flags (nosuid, nodev, noexec, and relatime,
 * which 6.6 sets on every mount by default since 2.6.30 and 2.6.20 only on request), then the
 * filesystem's show_options: 6.6 shmem_show_options() prints size/mode when not the defaults and
 * inode64 (CONFIG_TMPFS_INODE64, as Debian's x86_64 kernel has it).
 */
function mountOptions(k: Kernel, sb: SuperBlock): string {
  const f = mountFlags(sb);
  const opts = [f & MS_RDONLY ? 'ro' : 'rw'];
  if (f & MS_NOSUID) opts.push('nosuid');
  if (f & MS_NODEV) opts.push('nodev');
  if (f & MS_NOEXEC) opts.push('noexec');
  if (k.modern) opts.push('relatime');
  if (sb.fstype === 'devtmpfs') opts.push('size=10240k', 'mode=755');
  if (k.modern && k.config.arch === 'x86_64' && (sb.fstype === 'tmpfs' || sb.fstype === 'devtmpfs')) opts.push('inode64');
  return opts.join(',');
}

/** mangle(): seq_escape(s, " \t\n\\") writes those bytes as three-digit octal escapes. */
const mangle = (s: string): string => s.replace(/[ \t\n\\]/g, (c) => `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`);

export function mountsText(k: Kernel): string {
  return k.mounts.list.map((m) => `${mangle(m.devName)} ${mangle(m.path)} ${mangle(m.root.sb.fstype)} ${mountOptions(k, m.root.sb)} 0 0\n`).join('');
}

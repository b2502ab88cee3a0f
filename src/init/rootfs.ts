// Lays out a root filesystem: the base directories, every native program as an image file at
// its Debian path, the default system's configuration and demo modules (rootfs "default"), then
// the scenario's own files on top.
import { nativeImage } from '../uapi/syscalls.ts';
import type { Kernel } from '../kernel/kernel.ts';
import { kMkdirP, kWriteFile } from '../kernel/vfs_api.ts';
import { BASE_DIRS, PROGRAM_PATHS } from './layout.ts';
import { defaultFiles } from './default_files.ts';

export interface FileSpec {
  content: string;
  mode: number;
}

export function layBase(k: Kernel): void {
  for (const d of BASE_DIRS) kMkdirP(k, d);
  kMkdirP(k, `/lib/modules/${k.config.release}`);
  for (const [name, paths] of Object.entries(PROGRAM_PATHS)) {
    if (!k.programs.has(name)) continue;
    for (const p of paths) kWriteFile(k, p, nativeImage(name), 0o755);
  }
  kWriteFile(k, '/etc/hostname', `${k.config.hostname}\n`);
  // What Debian's installer writes: the host's own name on 127.0.1.1 (hostname -f reads it).
  kWriteFile(k, '/etc/hosts', `127.0.0.1\tlocalhost\n127.0.1.1\t${k.config.hostname}\n\n` +
    '# The following lines are desirable for IPv6 capable hosts\n::1     localhost ip6-localhost ip6-loopback\n' +
    'ff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n');
  kWriteFile(k, '/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\n');
  kWriteFile(k, '/etc/group', 'root:x:0:\n');
}

export function layDefault(k: Kernel): void {
  for (const [path, f] of Object.entries(defaultFiles(k.config.release))) kWriteFile(k, path, f.content, f.mode);
}

/** Scenario files: errors are returned (path, errno) rather than thrown. */
export function layFiles(k: Kernel, files: Record<string, FileSpec>): [string, number][] {
  const errors: [string, number][] = [];
  for (const [path, f] of Object.entries(files)) {
    const r = kWriteFile(k, path, f.content, f.mode);
    if (r < 0) errors.push([path, r]);
  }
  return errors;
}

// The editor's file operations on the live machine, with errors as the C library's messages.
import type { Machine } from '../init/machine.ts';
import {
  errText, hostChmod, hostList, hostMkdir, hostRead, hostRemove, hostRename, hostWrite, writeSysctl,
} from '../init/host_api.ts';
import { diagnose } from '../init/diagnostics.ts';
import type { Diagnostic, FileContent, FileEntry, FsResult } from './api.ts';

const result = (r: number): FsResult => (r < 0 ? { ok: false, error: errText(r) } : { ok: true });

export const WRAPPER_PATH = '/usr/local/sbin/modprobe-wrapper';

const WRAPPER = `#!/bin/sh
# A wrapper the kernel runs instead of /sbin/modprobe: /proc/sys/kernel/modprobe names it.
# The kernel runs it as "modprobe -q -- NAME" from the khelper workqueue, with HOME=/ and a
# short PATH, and nothing useful on stdin, stdout or stderr: write to /dev/console (this
# terminal) or /dev/kmsg (dmesg) to be seen. Edit it, save (Ctrl-S), then try:
#   mount -t vfat none /mnt
echo "modprobe-wrapper: pid $$ asked for: $*" > /dev/console
exec /sbin/modprobe "$@"
`;

export function fileOps(m: () => Machine) {
  return {
    list(path: string): FileEntry[] | { error: string } {
      const r = hostList(m(), path);
      return typeof r === 'number' ? { error: errText(r) } : r;
    },
    read(path: string): FileContent | { error: string } {
      const r = hostRead(m(), path);
      return typeof r === 'number' ? { error: errText(r) } : r;
    },
    write(path: string, bytes: string, mode?: number): FsResult {
      return result(hostWrite(m(), path, bytes, mode));
    },
    mkdir(path: string): FsResult {
      return result(hostMkdir(m(), path));
    },
    remove(path: string): FsResult {
      return result(hostRemove(m(), path));
    },
    rename(from: string, to: string): FsResult {
      return result(hostRename(m(), from, to));
    },
    chmod(path: string, mode: number): FsResult {
      return result(hostChmod(m(), path, mode));
    },
    diagnose(path: string, bytes: string): Diagnostic[] {
      return diagnose(path, bytes);
    },
    /** Keep a wrapper the user already edited; always point the kernel at it. */
    replaceModprobe(): string {
      const mm = m();
      const existing = hostRead(mm, WRAPPER_PATH);
      if (typeof existing === 'number') hostWrite(mm, WRAPPER_PATH, WRAPPER, 0o755);
      writeSysctl(mm, 'kernel.modprobe', WRAPPER_PATH);
      return WRAPPER_PATH;
    },
  };
}

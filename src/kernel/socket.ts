// net/socket.c __sock_create(): an unknown address family asks for "net-pf-<family>" and tries
// again; still unknown is -EAFNOSUPPORT. Sockets themselves carry no traffic here.
import { EAFNOSUPPORT, EINVAL } from '../uapi/errno.ts';
import { AF_INET, AF_MAX, AF_NETLINK, AF_PACKET, AF_UNIX } from '../uapi/resource.ts';
import { O_RDWR, S_IFSOCK } from '../uapi/fcntl.ts';
import { File, fdInstall } from './file.ts';
import type { Kernel } from './kernel.ts';
import { newInode } from './ramfs.ts';
import type { KGen } from './task.ts';
import { requestModuleAny } from './autoload.ts';

/** Families built into our kernels (unix, inet, netlink, packet). */
export const BUILTIN_FAMILIES = [AF_UNIX, AF_INET, AF_NETLINK, AF_PACKET];

export function* sysSocket(k: Kernel, family: number, _type: number): KGen<number> {
  if (family < 0 || family >= AF_MAX) return -EAFNOSUPPORT;
  if (!k.netprotos.has(family)) {
    // "Attempt to load a protocol module if the find failed."
    yield* requestModuleAny(k, `net-pf-${family}`, true);
  }
  if (!k.netprotos.has(family)) return -EAFNOSUPPORT;
  const inode = newInode(k, k.pipeSb, S_IFSOCK | 0o777);
  const f = new File(inode, { read: () => -EINVAL, write: (_k, _f, d) => d.length }, O_RDWR, `socket:[${inode.ino}]`);
  return fdInstall(k.current, f);
}

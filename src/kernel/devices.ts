// drivers/char/mem.c, printk's /dev/kmsg, the tty devices and fs/char_dev.c's chrdev_open():
// an unregistered major asks for "char-major-M-N" and, if that returned > 0, "char-major-M"
// (base_probe); still nothing gives -ENXIO.
import { EINVAL, ENOSPC, ENXIO } from '../uapi/errno.ts';
import { major, minor } from '../uapi/fcntl.ts';
import { Prng } from '../lib/prng.ts';
import type { File, FileOps } from './file.ts';
import type { Kernel } from './kernel.ts';
import { parsePrefix, printk } from './printk.ts';
import type { KGen } from './task.ts';
import type { Inode } from './vfs.ts';
import { ttyFileOps } from './tty.ts';
import { requestModuleAny } from './autoload.ts';

export const MEM_MAJOR = 1, TTY_MAJOR = 4, TTYAUX_MAJOR = 5, MISC_MAJOR = 10;

/** mem.c's null_lseek(), also zero_lseek and full_lseek: any seek succeeds and leaves f_pos at 0. */
const nullLseek = (_k: Kernel, f: File): number => (f.pos = 0);
const nullOps: FileOps = { read: () => '', write: (_k, _f, d) => d.length, llseek: nullLseek };
const zeroOps: FileOps = { read: (_k, _f, n) => '\0'.repeat(Math.min(n, 65536)), write: (_k, _f, d) => d.length, llseek: nullLseek };
const fullOps: FileOps = { read: (_k, _f, n) => '\0'.repeat(Math.min(n, 65536)), write: () => -ENOSPC, llseek: nullLseek };

function randomOps(k: Kernel): FileOps {
  const prng = new Prng(k.config.seed ^ 0x5eed);
  return {
    read(_k, _f, n) {
      let s = '';
      for (let i = 0; i < Math.min(n, 65536); i++) s += String.fromCharCode(prng.int(256));
      return s;
    },
    write: (_k, _f, d) => d.length,
  };
}

/** /dev/kmsg: each write is one printk record ("<N>" sets level/facility); 6.6 reads records. */
/** PRINTKRB_RECORD_MAX (6.x) and the size of 2.6.20's printk_buf. */
const KMSG_RECORD_MAX = 1024;

function kmsgOps(k: Kernel): FileOps {
  return {
    write(kk, _f, data) {
      // 6.x devkmsg_write() refuses a record over PRINTKRB_RECORD_MAX; 2.6.20's kmsg_write()
      // printk()s it through the 1024-byte printk_buf, keeping 1023 characters.
      if (kk.modern && data.length > KMSG_RECORD_MAX) return -EINVAL;
      const text = (kk.legacy ? data.slice(0, KMSG_RECORD_MAX - 1) : data).replace(/\n$/, '');
      const modern = kk.modern;
      const [level, facility, body] = parsePrefix(text, kk.printk.defaultMessageLoglevel, modern ? 1 : 0);
      printk(kk, level, body, facility);
      return data.length;
    },
    read(kk, f) {
      if (k.legacy) return -EINVAL;
      const seq = (f.priv as number | null) ?? 0;
      const rec = kk.printk.records.find((r) => r.seq >= seq);
      if (!rec) return '';
      f.priv = rec.seq + 1;
      return `${(rec.facility << 3) | rec.level},${rec.seq},${Math.floor(rec.t / 1000)},-;${rec.text}\n`;
    },
  };
}

/** A char device a virtual module registered (register_chrdev): accepts writes, reads as empty. */
const moduleCharOps: FileOps = nullOps;

/** The driver behind (major, minor), or null if none is registered. */
function lookupChrdev(k: Kernel, rdev: number): FileOps | null {
  const maj = major(rdev), min = minor(rdev);
  if (maj === MEM_MAJOR) {
    switch (min) {
      case 3: return nullOps;
      case 5: return zeroOps;
      case 7: return fullOps;
      case 8: case 9: return k.randomOps ??= randomOps(k);
      case 11: return k.kmsgOps ??= kmsgOps(k);
      default: return null;
    }
  }
  if ((maj === TTY_MAJOR && min === 1) || (maj === TTYAUX_MAJOR && (min === 0 || min === 1))) return k.console ? ttyFileOps(k.console) : null;
  const reg = k.chrdevs.get(maj);
  if (reg && reg.owner !== null) return moduleCharOps;
  return null;
}

/** chrdev_open(): find the driver, asking kmod for it when the major is unknown. */
export function* chrdevOpen(k: Kernel, inode: Inode, f: File): KGen<number> {
  let ops = lookupChrdev(k, inode.rdev);
  if (!ops) {
    const maj = major(inode.rdev), min = minor(inode.rdev);
    // base_probe(): "Make old-style 2.4 aliases work"
    if ((yield* requestModuleAny(k, `char-major-${maj}-${min}`, true)) > 0) yield* requestModuleAny(k, `char-major-${maj}`, true);
    ops = lookupChrdev(k, inode.rdev);
  }
  if (!ops) return -ENXIO;
  // tty_open() of /dev/tty (5:0) finds the caller's controlling terminal; with none, -ENXIO
  // ("No such device or address", what `echo > /dev/tty` under setsid prints).
  if (major(inode.rdev) === TTYAUX_MAJOR && minor(inode.rdev) === 0 && !k.current.signal.tty) return -ENXIO;
  f.ops = ops;
  return 0;
}

// include/uapi/linux/magic.h and include/linux/statfs.h: what statfs(2) reports about the
// filesystem holding a path.

/** struct statfs as our statfs returns it (block counts are in units of frsize). */
export interface Statfs {
  /** The filesystem's magic number (f_type). */
  type: number;
  bsize: number;
  blocks: number;
  bfree: number;
  bavail: number;
  files: number;
  ffree: number;
  namelen: number;
  frsize: number;
  /** ST_* mount flags (f_flags, Linux 2.6.36+; 0 before). */
  flags: number;
}

export const TMPFS_MAGIC = 0x01021994, RAMFS_MAGIC = 0x858458f6, PROC_SUPER_MAGIC = 0x9fa0, SYSFS_MAGIC = 0x62656572,
  DEVPTS_SUPER_MAGIC = 0x1cd1, PIPEFS_MAGIC = 0x50495045, EXT2_SUPER_MAGIC = 0xef53;

/** statvfs's ST_* flags (include/linux/statfs.h). */
export const ST_RDONLY = 0x0001, ST_NOSUID = 0x0002, ST_NODEV = 0x0004, ST_NOEXEC = 0x0008, ST_VALID = 0x0020,
  ST_RELATIME = 0x1000;

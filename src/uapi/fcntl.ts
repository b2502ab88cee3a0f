// include/uapi/asm-generic/fcntl.h and stat.h: open flags, file types and modes.
export const O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_ACCMODE = 3, O_CREAT = 0o100, O_EXCL = 0o200,
  O_NOCTTY = 0o400, O_TRUNC = 0o1000, O_APPEND = 0o2000, O_NONBLOCK = 0o4000, O_DIRECTORY = 0o200000,
  O_NOFOLLOW = 0o400000, O_CLOEXEC = 0o2000000;
export const F_DUPFD = 0, F_GETFD = 1, F_SETFD = 2, F_GETFL = 3, F_SETFL = 4, F_DUPFD_CLOEXEC = 1030;
export const FD_CLOEXEC = 1;
export const SEEK_SET = 0, SEEK_CUR = 1, SEEK_END = 2;
export const AT_FDCWD = -100;
export const R_OK = 4, W_OK = 2, X_OK = 1, F_OK = 0;

export const S_IFMT = 0o170000, S_IFSOCK = 0o140000, S_IFLNK = 0o120000, S_IFREG = 0o100000,
  S_IFBLK = 0o060000, S_IFDIR = 0o040000, S_IFCHR = 0o020000, S_IFIFO = 0o010000;
export const S_ISUID = 0o4000, S_ISGID = 0o2000, S_ISVTX = 0o1000;
export const S_ISREG = (m: number): boolean => (m & S_IFMT) === S_IFREG;
export const S_ISDIR = (m: number): boolean => (m & S_IFMT) === S_IFDIR;
export const S_ISLNK = (m: number): boolean => (m & S_IFMT) === S_IFLNK;
export const S_ISCHR = (m: number): boolean => (m & S_IFMT) === S_IFCHR;
export const S_ISFIFO = (m: number): boolean => (m & S_IFMT) === S_IFIFO;
export const S_ISSOCK = (m: number): boolean => (m & S_IFMT) === S_IFSOCK;

/** struct stat as our fstat/stat/lstat return it. Times are virtual nanoseconds since boot. */
export interface Stat {
  dev: number;
  ino: number;
  mode: number;
  nlink: number;
  uid: number;
  gid: number;
  rdev: number;
  size: number;
  blksize: number;
  blocks: number;
  atime: number;
  mtime: number;
  ctime: number;
}

/** One getdents64 entry. d_type uses the DT_* values. */
export interface Dirent {
  name: string;
  ino: number;
  type: number;
}
export const DT_UNKNOWN = 0, DT_FIFO = 1, DT_CHR = 2, DT_DIR = 4, DT_BLK = 6, DT_REG = 8, DT_LNK = 10, DT_SOCK = 12;

/** makedev/major/minor for the classic 8:8 (plus 12-bit) encoding used in our rdev fields. */
export const makedev = (major: number, minor: number): number => (major << 8) | minor;
export const major = (dev: number): number => dev >>> 8;
export const minor = (dev: number): number => dev & 0xff;

export const MS_RDONLY = 1, MS_NOSUID = 2, MS_NODEV = 4, MS_NOEXEC = 8, MS_REMOUNT = 32, MS_BIND = 4096;
export const MNT_FORCE = 1, MNT_DETACH = 2;

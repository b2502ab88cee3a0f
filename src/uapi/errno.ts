// include/uapi/asm-generic/errno-base.h + errno.h (x86), with glibc's strerror texts.
export const EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EIO = 5, ENXIO = 6, E2BIG = 7, ENOEXEC = 8,
  EBADF = 9, ECHILD = 10, EAGAIN = 11, ENOMEM = 12, EACCES = 13, EFAULT = 14, ENOTBLK = 15, EBUSY = 16,
  EEXIST = 17, EXDEV = 18, ENODEV = 19, ENOTDIR = 20, EISDIR = 21, EINVAL = 22, ENFILE = 23, EMFILE = 24,
  ENOTTY = 25, ETXTBSY = 26, EFBIG = 27, ENOSPC = 28, ESPIPE = 29, EROFS = 30, EMLINK = 31, EPIPE = 32,
  EDOM = 33, ERANGE = 34, EDEADLK = 35, ENAMETOOLONG = 36, ENOLCK = 37, ENOSYS = 38, ENOTEMPTY = 39,
  ELOOP = 40, ENOMSG = 42, ENODATA = 61, ETIME = 62, ENOSR = 63, EPROTO = 71, EOVERFLOW = 75,
  EBADFD = 77, EILSEQ = 84, ENOTSOCK = 88, EPROTONOSUPPORT = 93, ESOCKTNOSUPPORT = 94, EOPNOTSUPP = 95,
  EAFNOSUPPORT = 97, EADDRINUSE = 98, ETIMEDOUT = 110, ESTALE = 116, EDQUOT = 122, ECANCELED = 125,
  ENOKEY = 126, EKEYEXPIRED = 127, EKEYREVOKED = 128, EKEYREJECTED = 129, EOWNERDEAD = 130,
  // Kernel-internal, never seen by user space (include/linux/errno.h).
  ERESTARTSYS = 512, ERESTARTNOINTR = 513, ERESTARTNOHAND = 514;

const names: Record<number, [string, string]> = {
  [EPERM]: ['EPERM', 'Operation not permitted'],
  [ENOENT]: ['ENOENT', 'No such file or directory'],
  [ESRCH]: ['ESRCH', 'No such process'],
  [EINTR]: ['EINTR', 'Interrupted system call'],
  [EIO]: ['EIO', 'Input/output error'],
  [ENXIO]: ['ENXIO', 'No such device or address'],
  [E2BIG]: ['E2BIG', 'Argument list too long'],
  [ENOEXEC]: ['ENOEXEC', 'Exec format error'],
  [EBADF]: ['EBADF', 'Bad file descriptor'],
  [ECHILD]: ['ECHILD', 'No child processes'],
  [EAGAIN]: ['EAGAIN', 'Resource temporarily unavailable'],
  [ENOMEM]: ['ENOMEM', 'Cannot allocate memory'],
  [EACCES]: ['EACCES', 'Permission denied'],
  [EFAULT]: ['EFAULT', 'Bad address'],
  [ENOTBLK]: ['ENOTBLK', 'Block device required'],
  [EBUSY]: ['EBUSY', 'Device or resource busy'],
  [EEXIST]: ['EEXIST', 'File exists'],
  [EXDEV]: ['EXDEV', 'Invalid cross-device link'],
  [ENODEV]: ['ENODEV', 'No such device'],
  [ENOTDIR]: ['ENOTDIR', 'Not a directory'],
  [EISDIR]: ['EISDIR', 'Is a directory'],
  [EINVAL]: ['EINVAL', 'Invalid argument'],
  [ENFILE]: ['ENFILE', 'Too many open files in system'],
  [EMFILE]: ['EMFILE', 'Too many open files'],
  [ENOTTY]: ['ENOTTY', 'Inappropriate ioctl for device'],
  [ETXTBSY]: ['ETXTBSY', 'Text file busy'],
  [EFBIG]: ['EFBIG', 'File too large'],
  [ENOSPC]: ['ENOSPC', 'No space left on device'],
  [ESPIPE]: ['ESPIPE', 'Illegal seek'],
  [EROFS]: ['EROFS', 'Read-only file system'],
  [EMLINK]: ['EMLINK', 'Too many links'],
  [EPIPE]: ['EPIPE', 'Broken pipe'],
  [EDOM]: ['EDOM', 'Numerical argument out of domain'],
  [ERANGE]: ['ERANGE', 'Numerical result out of range'],
  [EDEADLK]: ['EDEADLK', 'Resource deadlock avoided'],
  [ENAMETOOLONG]: ['ENAMETOOLONG', 'File name too long'],
  [ENOLCK]: ['ENOLCK', 'No locks available'],
  [ENOSYS]: ['ENOSYS', 'Function not implemented'],
  [ENOTEMPTY]: ['ENOTEMPTY', 'Directory not empty'],
  [ELOOP]: ['ELOOP', 'Too many levels of symbolic links'],
  [ENOMSG]: ['ENOMSG', 'No message of desired type'],
  [ENODATA]: ['ENODATA', 'No data available'],
  [ETIME]: ['ETIME', 'Timer expired'],
  [ENOSR]: ['ENOSR', 'Out of streams resources'],
  [EPROTO]: ['EPROTO', 'Protocol error'],
  [EOVERFLOW]: ['EOVERFLOW', 'Value too large for defined data type'],
  [EBADFD]: ['EBADFD', 'File descriptor in bad state'],
  [EILSEQ]: ['EILSEQ', 'Invalid or incomplete multibyte or wide character'],
  [ENOTSOCK]: ['ENOTSOCK', 'Socket operation on non-socket'],
  [EPROTONOSUPPORT]: ['EPROTONOSUPPORT', 'Protocol not supported'],
  [ESOCKTNOSUPPORT]: ['ESOCKTNOSUPPORT', 'Socket type not supported'],
  [EOPNOTSUPP]: ['EOPNOTSUPP', 'Operation not supported'],
  [EAFNOSUPPORT]: ['EAFNOSUPPORT', 'Address family not supported by protocol'],
  [EADDRINUSE]: ['EADDRINUSE', 'Address already in use'],
  [ETIMEDOUT]: ['ETIMEDOUT', 'Connection timed out'],
  [ESTALE]: ['ESTALE', 'Stale file handle'],
  [EDQUOT]: ['EDQUOT', 'Disk quota exceeded'],
  [ECANCELED]: ['ECANCELED', 'Operation canceled'],
  [ENOKEY]: ['ENOKEY', 'Required key not available'],
  [EKEYEXPIRED]: ['EKEYEXPIRED', 'Key has expired'],
  [EKEYREVOKED]: ['EKEYREVOKED', 'Key has been revoked'],
  [EKEYREJECTED]: ['EKEYREJECTED', 'Key was rejected by service'],
  [EOWNERDEAD]: ['EOWNERDEAD', 'Owner died'],
  [ERESTARTSYS]: ['ERESTARTSYS', 'Interrupted system call'],
};

/** glibc's strerror() text for a positive errno. */
export function strerror(errno: number): string {
  return names[errno]?.[1] ?? `Unknown error ${errno}`;
}

/** The symbolic name (`ENOENT`) of a positive errno, or undefined. */
export function errnoName(errno: number): string | undefined {
  return names[errno]?.[0];
}

/** Parse `ENOENT`, `-ENOENT`, `-2` or `2` into a positive errno; undefined if it is none. */
export function parseErrno(s: string): number | undefined {
  const t = s.trim().replace(/^-/, '');
  if (/^\d+$/.test(t)) return Number(t);
  for (const [k, v] of Object.entries(names)) if (v[0] === t) return Number(k);
  return undefined;
}

// include/uapi/asm-generic/resource.h, capability.h, utsname and syslog constants.
export const RLIMIT_CPU = 0, RLIMIT_FSIZE = 1, RLIMIT_DATA = 2, RLIMIT_STACK = 3, RLIMIT_CORE = 4,
  RLIMIT_RSS = 5, RLIMIT_NPROC = 6, RLIMIT_NOFILE = 7, RLIMIT_MEMLOCK = 8, RLIMIT_AS = 9, RLIMIT_LOCKS = 10,
  RLIMIT_SIGPENDING = 11, RLIMIT_MSGQUEUE = 12, RLIMIT_NICE = 13, RLIMIT_RTPRIO = 14, RLIMIT_RTTIME = 15, RLIM_NLIMITS = 16;
export const RLIM_INFINITY = Number.MAX_SAFE_INTEGER;
export const RLIMIT_NAMES = ['cpu', 'fsize', 'data', 'stack', 'core', 'rss', 'nproc', 'nofile', 'memlock', 'as',
  'locks', 'sigpending', 'msgqueue', 'nice', 'rtprio', 'rttime'];
export interface Rlimit {
  cur: number;
  max: number;
}

export const CAP_CHOWN = 0, CAP_DAC_OVERRIDE = 1, CAP_KILL = 5, CAP_SETPCAP = 8, CAP_NET_ADMIN = 12,
  CAP_SYS_MODULE = 16, CAP_SYS_ADMIN = 21, CAP_SYS_BOOT = 22, CAP_SYSLOG = 34, CAP_LAST_CAP = 40;
export const CAP_NAMES: Record<number, string> = {
  0: 'cap_chown', 1: 'cap_dac_override', 2: 'cap_dac_read_search', 3: 'cap_fowner', 4: 'cap_fsetid',
  5: 'cap_kill', 6: 'cap_setgid', 7: 'cap_setuid', 8: 'cap_setpcap', 9: 'cap_linux_immutable',
  10: 'cap_net_bind_service', 11: 'cap_net_broadcast', 12: 'cap_net_admin', 13: 'cap_net_raw',
  14: 'cap_ipc_lock', 15: 'cap_ipc_owner', 16: 'cap_sys_module', 17: 'cap_sys_rawio', 18: 'cap_sys_chroot',
  19: 'cap_sys_ptrace', 20: 'cap_sys_pacct', 21: 'cap_sys_admin', 22: 'cap_sys_boot', 23: 'cap_sys_nice',
  24: 'cap_sys_resource', 25: 'cap_sys_time', 26: 'cap_sys_tty_config', 27: 'cap_mknod', 28: 'cap_lease',
  29: 'cap_audit_write', 30: 'cap_audit_control', 31: 'cap_setfcap', 32: 'cap_mac_override',
  33: 'cap_mac_admin', 34: 'cap_syslog', 35: 'cap_wake_alarm', 36: 'cap_block_suspend', 37: 'cap_audit_read',
  38: 'cap_perfmon', 39: 'cap_bpf', 40: 'cap_checkpoint_restore',
};
/** A capability set as a bigint-free pair of 32-bit words is awkward; we use a JS number array of bits. */
export type CapSet = number[];

export const PR_GET_KEEPCAPS = 7, PR_SET_NAME = 15, PR_GET_NAME = 16, PR_CAPBSET_READ = 23, PR_CAPBSET_DROP = 24,
  PR_GET_SECUREBITS = 27, PR_GET_NO_NEW_PRIVS = 39, PR_CAP_AMBIENT = 47;

export interface Utsname {
  sysname: string;
  nodename: string;
  release: string;
  version: string;
  machine: string;
  domainname: string;
}

export const SYSLOG_ACTION_CLOSE = 0, SYSLOG_ACTION_OPEN = 1, SYSLOG_ACTION_READ = 2,
  SYSLOG_ACTION_READ_ALL = 3, SYSLOG_ACTION_READ_CLEAR = 4, SYSLOG_ACTION_CLEAR = 5,
  SYSLOG_ACTION_CONSOLE_OFF = 6, SYSLOG_ACTION_CONSOLE_ON = 7, SYSLOG_ACTION_CONSOLE_LEVEL = 8,
  SYSLOG_ACTION_SIZE_UNREAD = 9, SYSLOG_ACTION_SIZE_BUFFER = 10;

export const KERN_EMERG = 0, KERN_ALERT = 1, KERN_CRIT = 2, KERN_ERR = 3, KERN_WARNING = 4,
  KERN_NOTICE = 5, KERN_INFO = 6, KERN_DEBUG = 7;
export const KERN_LEVEL_NAMES = ['emerg', 'alert', 'crit', 'err', 'warn', 'notice', 'info', 'debug'];

// Address families for socket(2) (include/linux/socket.h); net-pf-N requests name them by number.
export const AF_UNIX = 1, AF_INET = 2, AF_AX25 = 3, AF_IPX = 4, AF_APPLETALK = 5, AF_INET6 = 10,
  AF_KEY = 15, AF_NETLINK = 16, AF_PACKET = 17, AF_BLUETOOTH = 31, AF_CAN = 29, AF_VSOCK = 40, AF_MAX = 46;
export const SOCK_STREAM = 1, SOCK_DGRAM = 2, SOCK_RAW = 3;

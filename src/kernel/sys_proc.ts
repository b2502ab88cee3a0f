// Process, signal, time and identity syscalls (kernel/fork.c, exit.c, signal.c, sys.c,
// hrtimer.c, capability.c, module.c, printk.c).
import {
  EINVAL, EPERM, ESRCH, ERESTARTNOHAND, EACCES,
} from '../uapi/errno.ts';
import { NSIG, SIGALRM, SIGKILL, SIGSTOP, SIG_BLOCK, SIG_SETMASK, SIG_UNBLOCK, SIG_UNBLOCKABLE } from '../uapi/signal.ts';
import {
  CAP_SETPCAP, CAP_SYS_ADMIN, CAP_SYS_MODULE, CAP_SYS_BOOT, PR_CAPBSET_DROP, PR_CAPBSET_READ, PR_GET_NAME, PR_SET_NAME, RLIM_NLIMITS,
  PR_GET_KEEPCAPS, PR_GET_SECUREBITS, PR_GET_NO_NEW_PRIVS, PR_CAP_AMBIENT,
  SYSLOG_ACTION_CLEAR, SYSLOG_ACTION_CONSOLE_LEVEL, SYSLOG_ACTION_CONSOLE_OFF, SYSLOG_ACTION_CONSOLE_ON, SYSLOG_ACTION_READ_ALL,
  SYSLOG_ACTION_READ_CLEAR, SYSLOG_ACTION_SIZE_BUFFER, CAP_LAST_CAP,
} from '../uapi/resource.ts';
import type { CapData } from '../uapi/syscalls.ts';
import { RUSAGE_CHILDREN, RUSAGE_SELF } from '../uapi/syscalls.ts';
import { defineFast, defineSlow } from './entry.ts';
import { doExecve } from './exec.ts';
import { doExit, doWait } from './exit.ts';
import { fget } from './file.ts';
import { sysFork } from './fork.ts';
import type { Kernel } from './kernel.ts';
import { deleteModule, loadModule } from './module.ts';
import { formatTime } from './printk.ts';
import { regFileOps, touchAtime } from './ramfs.ts';
import { doSigaction, sendSignal, signalPending } from './signal.ts';
import { sysSocket } from './socket.ts';
import { capable, nsToClockT, SCHED, setRlimit, TASK_INTERRUPTIBLE } from './task.ts';
import type { Task } from './task.ts';
import { scheduleTimeout } from './wait.ts';
import { UTS_VERSION } from './profile.ts';

defineSlow('fork', (k, _t, c) => sysFork(k, c.child, c.flags));
defineSlow('execve', (k, _t, c) => doExecve(k, c.path, c.argv, c.envp));
defineSlow('exit', (k, _t, c) => doExit(k, (c.status & 0xff) << 8));
defineSlow('wait4', function* (k, _t, c) {
  const r = yield* doWait(k, c.pid, c.options);
  if (typeof r === 'number') return r;
  return { pid: r.pid, status: r.status };
});

function killOne(k: Kernel, t: Task, target: Task, sig: number): number {
  if (t.cred.euid !== 0 && t.cred.euid !== target.cred.uid) return -EPERM;
  return sendSignal(k, sig, target);
}

defineFast('kill', (k, t, c) => {
  if (c.sig < 0 || c.sig >= NSIG) return -EINVAL;
  const targets: Task[] = [];
  for (const o of k.tasks.values()) {
    if (o.exitState) continue;
    if (c.pid > 0 ? o.pid === c.pid : c.pid === 0 ? o.signal.pgrp === t.signal.pgrp && o.mm : c.pid === -1 ? o.pid > 1 && o !== t && o.mm : o.signal.pgrp === -c.pid && o.mm) targets.push(o);
  }
  if (!targets.length) {
    const z = c.pid > 0 ? k.tasks.get(c.pid) : undefined;
    return z ? 0 : -ESRCH;
  }
  let ret = 0;
  for (const o of targets) {
    const r = killOne(k, t, o, c.sig);
    if (r < 0) ret = r;
  }
  return c.pid === -1 ? 0 : ret;
});

defineFast('getpid', (_k, t) => t.pid);
defineFast('gettid', (_k, t) => t.pid);
defineFast('getppid', (_k, t) => t.parent?.pid ?? 0);
defineFast('getpgid', (k, t, c) => {
  const o = c.pid === 0 ? t : k.tasks.get(c.pid);
  return o ? o.signal.pgrp : -ESRCH;
});
defineFast('getsid', (k, t, c) => {
  const o = c.pid === 0 ? t : k.tasks.get(c.pid);
  return o ? o.signal.session : -ESRCH;
});
defineFast('setpgid', (k, t, c) => {
  const pid = c.pid || t.pid;
  const pgid = c.pgid || pid;
  if (pgid < 0) return -EINVAL;
  const p = k.tasks.get(pid);
  if (!p || (p !== t && p.parent !== t)) return -ESRCH;
  if (p !== t && p.signal.session !== t.signal.session) return -EPERM;
  if (p !== t && !(p.flags & 0x40)) return -EACCES; // the child has exec'd (PF_FORKNOEXEC cleared)
  if (p.signal.session === p.pid) return -EPERM;
  if (pgid !== pid && ![...k.tasks.values()].some((o) => o.signal.pgrp === pgid && o.signal.session === t.signal.session)) return -EPERM;
  p.signal.pgrp = pgid;
  return 0;
});
defineFast('setsid', (k, t) => {
  if ([...k.tasks.values()].some((o) => o !== t && o.signal.pgrp === t.pid)) return -EPERM;
  if (t.signal.pgrp === t.pid && t.signal.session === t.pid) return -EPERM;
  t.signal.session = t.pid;
  t.signal.pgrp = t.pid;
  t.signal.tty = null;
  return t.pid;
});
defineFast('getuid', (_k, t) => t.cred.uid);
defineFast('geteuid', (_k, t) => t.cred.euid);
defineFast('getgid', (_k, t) => t.cred.gid);
defineFast('getegid', (_k, t) => t.cred.egid);

defineFast('rt_sigaction', (k, t, c) => {
  if (c.sig < 1 || c.sig >= NSIG) return -EINVAL;
  if (c.act && (c.sig === SIGKILL || c.sig === SIGSTOP)) return -EINVAL;
  return { ...doSigaction(k, t, c.sig, c.act) };
});
defineFast('rt_sigprocmask', (_k, t, c) => {
  const old = t.blocked;
  if (c.set !== null) {
    const set = c.set & ~SIG_UNBLOCKABLE;
    if (c.how === SIG_BLOCK) t.blocked |= set;
    else if (c.how === SIG_UNBLOCK) t.blocked &= ~set;
    else if (c.how === SIG_SETMASK) t.blocked = set;
    else return -EINVAL;
    t.blocked >>>= 0;
  }
  return old;
});
defineFast('rt_sigpending', (_k, t) => t.pending & t.blocked);
defineSlow('rt_sigsuspend', function* (k, t, c) {
  t.savedSigmask = t.blocked;
  t.blocked = c.mask & ~SIG_UNBLOCKABLE;
  while (!signalPending(t)) {
    t.state = TASK_INTERRUPTIBLE;
    t.wchan = 'sigsuspend';
    yield SCHED;
  }
  return -ERESTARTNOHAND;
});
defineSlow('pause', function* (_k, t) {
  while (!signalPending(t)) {
    t.state = TASK_INTERRUPTIBLE;
    t.wchan = 'pause';
    yield SCHED;
  }
  return -ERESTARTNOHAND;
});
defineSlow('nanosleep', function* (k, t, c) {
  if (!(c.ns >= 0)) return -EINVAL;
  const left = yield* scheduleTimeout(k, c.ns, 'interruptible', 'hrtimer_nanosleep');
  if (left > 0) {
    // restart_syscall() continues with the time that was left, unless a handler runs (-EINTR).
    t.restartBlock = { nr: 'nanosleep', ns: left };
    return -ERESTARTNOHAND;
  }
  return 0;
});
defineFast('alarm', (k, t, c) => {
  const old = t.alarmTimer;
  let left = 0;
  if (old && !old.cancelled) {
    left = Math.max(1, Math.round((old.expires - k.sched.now) / 1e9));
    old.cancelled = true;
  }
  t.alarmTimer = null;
  if (c.seconds > 0) {
    const tm = k.sched.addTimer(c.seconds * 1e9, () => {
      t.alarmTimer = null;
      if (!t.exitState) sendSignal(k, SIGALRM, t);
    });
    t.alarmTimer = tm;
  }
  return old ? left : 0;
});
defineFast('clock_gettime', (k, _t, c) => (c.clock === 0 ? k.bootTime * 1e9 + k.sched.now : k.sched.now));
defineFast('sched_yield', (_k, t) => {
  t.yieldRequested = true;
  return 0;
});
defineFast('khelper_cpu', (k, t, c) => {
  if (c.ns > 0) {
    const ns = Math.min(c.ns, 1e9);
    k.sched.charge(ns);
    t.utime += ns;
  }
  // A preemption point, like cond_resched(): give the scheduler (and through it the host's run
  // limits) control back even when no other task waits, so a lone busy loop can be paused.
  t.yieldRequested = true;
  return 0;
});
defineFast('uname', (k) => ({
  sysname: 'Linux', nodename: k.sysctl.hostname, release: k.config.release, version: UTS_VERSION,
  machine: k.config.arch === 'i386' ? 'i686' : 'x86_64', domainname: '(none)',
}));
defineFast('sethostname', (k, t, c) => {
  if (!capable(t.cred, CAP_SYS_ADMIN)) return -EPERM;
  if (c.name.length > 64) return -EINVAL;
  k.sysctl.hostname = c.name;
  return 0;
});
defineFast('getrlimit', (_k, t, c) => (c.resource < 0 || c.resource >= RLIM_NLIMITS ? -EINVAL : { ...t.signal.rlim[c.resource] }));
defineFast('setrlimit', (_k, t, c) => {
  if (c.resource < 0 || c.resource >= RLIM_NLIMITS) return -EINVAL;
  if (c.rlim.cur > c.rlim.max) return -EINVAL;
  const old = t.signal.rlim[c.resource];
  if (c.rlim.max > old.max && t.cred.euid !== 0) return -EPERM;
  setRlimit(t, c.resource, { ...c.rlim });
  return 0;
});
defineFast('getpriority', (k, t, c) => {
  const o = c.who === 0 ? t : k.tasks.get(c.who);
  return o ? 20 - o.nice : -ESRCH;
});
defineFast('setpriority', (k, t, c) => {
  const o = c.who === 0 ? t : k.tasks.get(c.who);
  if (!o) return -ESRCH;
  const nice = Math.max(-20, Math.min(19, c.prio));
  if (nice < o.nice && t.cred.euid !== 0) return -EACCES;
  o.nice = nice;
  return 0;
});
const bits = (w: [number, number]): number[] => {
  const out: number[] = [];
  for (let cap = 0; cap <= CAP_LAST_CAP; cap++) if ((w[cap >> 5] >>> (cap & 31)) & 1) out.push(cap);
  return out;
};
const words = (caps: number[]): [number, number] => {
  const w: [number, number] = [0, 0];
  for (const cap of caps) if (cap >= 0 && cap <= CAP_LAST_CAP) w[cap >> 5] = (w[cap >> 5] | (1 << (cap & 31))) >>> 0;
  return w;
};
defineFast('capget', (k, t, c) => {
  const o = c.pid === 0 ? t : k.tasks.get(c.pid);
  if (!o) return -ESRCH;
  const cr = o.cred;
  const data: CapData = { effective: bits(cr.capEffective), permitted: bits(cr.capPermitted), inheritable: bits(cr.capInheritable), bounding: bits(cr.capBset) };
  return data;
});
defineFast('capset', (_k, t, c) => {
  const p = words(c.data.permitted), e = words(c.data.effective), i = words(c.data.inheritable);
  const sub = (a: [number, number], b: [number, number]): boolean => ((a[0] & ~b[0]) | (a[1] & ~b[1])) === 0;
  if (!sub(p, t.cred.capPermitted)) return -EPERM;
  if (!sub(e, p)) return -EPERM;
  t.cred = { ...t.cred, capPermitted: p, capEffective: e, capInheritable: i };
  return 0;
});
defineFast('prctl', (k, t, c) => {
  switch (c.option) {
    case PR_SET_NAME: t.comm = String(c.arg).slice(0, 15); return 0;
    // Securebits, keepcaps, no_new_privs and ambient capabilities are all clear here.
    case PR_GET_KEEPCAPS: return 0;
    // 2.6.20's sys_prctl() has none of these (securebits 2.6.26, bounding set 2.6.25,
    // no_new_privs 3.5, ambient 4.3): its switch falls to "default: error = -EINVAL".
    case PR_GET_SECUREBITS: case PR_GET_NO_NEW_PRIVS: case PR_CAP_AMBIENT: return k.legacy ? -EINVAL : 0;
    case PR_GET_NAME: return t.comm;
    case PR_CAPBSET_READ: {
      const cap = Number(c.arg);
      if (k.legacy || !(cap >= 0 && cap <= CAP_LAST_CAP)) return -EINVAL;
      return (t.cred.capBset[cap >> 5] >>> (cap & 31)) & 1;
    }
    case PR_CAPBSET_DROP: {
      const cap = Number(c.arg);
      if (k.legacy || !(cap >= 0 && cap <= CAP_LAST_CAP)) return -EINVAL;
      if (!capable(t.cred, CAP_SETPCAP)) return -EPERM;
      const b: [number, number] = [...t.cred.capBset];
      b[cap >> 5] = (b[cap >> 5] & ~(1 << (cap & 31))) >>> 0;
      t.cred = { ...t.cred, capBset: b };
      return 0;
    }
    default: return -EINVAL;
  }
});
defineSlow('init_module', (k, _t, c) => loadModule(k, c.image, c.params, null));
defineSlow('finit_module', function* (k, t, c) {
  const f = fget(t, c.fd);
  if (!f || !f.inode) return -9;
  if (f.inode.isDir) return -21;
  // may_init_module(), then kernel_read_file() reads the file: a read, for its atime.
  if (capable(t.cred, CAP_SYS_MODULE) && !k.modules.modulesDisabled && f.inode.fops === regFileOps) touchAtime(k, f.inode);
  return yield* loadModule(k, f.inode.data, c.params, f.path);
});
defineSlow('delete_module', (k, _t, c) => deleteModule(k, c.name, c.flags));
defineSlow('socket', (k, _t, c) => sysSocket(k, c.family, c.type));
defineFast('syslog', (k, t, c) => {
  const p = k.printk;
  // Each record as the kernel's syslog buffer prints it: <facility << 3 | level>[time] text.
  const text = (): string => p.records.filter((r) => r.seq >= p.clearSeq).map((r) => `<${(r.facility << 3) | r.level}>${formatTime(r.t)} ${r.text}\n`).join('');
  switch (c.type) {
    case SYSLOG_ACTION_READ_ALL: return text();
    case SYSLOG_ACTION_READ_CLEAR: {
      const s = text();
      p.clearSeq = p.nextSeq;
      return s;
    }
    case SYSLOG_ACTION_CLEAR: p.clearSeq = p.nextSeq; return 0;
    case SYSLOG_ACTION_CONSOLE_OFF: p.consoleLoglevel = p.minimumConsoleLoglevel; return 0;
    case SYSLOG_ACTION_CONSOLE_ON: p.consoleLoglevel = p.defaultConsoleLoglevel; return 0;
    case SYSLOG_ACTION_CONSOLE_LEVEL:
      if (c.len < 1 || c.len > 8) return -EINVAL;
      p.consoleLoglevel = Math.max(c.len, p.minimumConsoleLoglevel);
      return 0;
    case SYSLOG_ACTION_SIZE_BUFFER: return 1 << 17;
    default:
      void t;
      return c.type >= 0 && c.type <= 10 ? 0 : -EINVAL;
  }
});
// times(2): in clock ticks of USER_HZ (100), as sys_times() reports them through jiffies_to_clock_t().
defineFast('times', (_k, t) => ({
  utime: nsToClockT(t.utime), stime: nsToClockT(t.stime), cutime: nsToClockT(t.cutime), cstime: nsToClockT(t.cstime),
}));
defineFast('getrusage', (_k, t, c) => (c.who === RUSAGE_SELF ? { utime: t.utime, stime: t.stime }
  : c.who === RUSAGE_CHILDREN ? { utime: t.cutime, stime: t.cstime } : -EINVAL));
defineFast('sysinfo', (k) => ({ uptime: Math.floor(k.sched.now / 1e9), procs: k.tasks.size, totalram: 128 << 20, freeram: 96 << 20 }));
defineSlow('reboot', function* (k, t) {
  if (!capable(t.cred, CAP_SYS_BOOT)) return -EPERM;
  k.haltMachine('reboot: System halted');
  yield SCHED;
  return 0;
});


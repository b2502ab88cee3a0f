// lib/test_kmod.c (4.13+; ported to both profiles here): the kmod stress-test driver the kernel
// selftest drives. A misc device test_kmod0 whose sysfs knobs configure N kernel threads
// (test_kmod-<i>) that each call request_module(test_driver) or get_fs_type(test_fs); the
// trigger waits for all and stores a tally in test_result. Messages are dev_info()'s.
import { EINVAL, ENOMEM, ERANGE } from '../uapi/errno.ts';
import { KERN_INFO, KERN_WARNING, KERN_ERR } from '../uapi/resource.ts';
import { Completion, complete, waitForCompletion } from './completion.ts';
import { getFsType, putFilesystem } from './filesystems.ts';
import type { FsType } from './filesystems.ts';
import type { Kernel } from './kernel.ts';
import { kthreadCreate } from './kthread.ts';
import type { Module, NativeModule } from './module.ts';
import { printk } from './printk.ts';
import { file, staticDir } from './pseudofs.ts';
import type { KGen } from './task.ts';
import { requestModuleAny } from './autoload.ts';

const TEST_KMOD_DRIVER = 1, TEST_KMOD_FS_TYPE = 2;
/** vzalloc() of the per-thread array fails beyond this (there is no fixed bound in the C). */
const MAX_ALLOCATABLE_THREADS = 1 << 22;

interface ThreadInfo {
  retSync: number;
  fsSync: FsType | null;
  running: boolean;
}

interface TestDev {
  name: string;
  driver: string | null;
  fs: string | null;
  numThreads: number;
  testCase: number;
  testResult: number;
  testIsOom: boolean;
  done: number;
  info: ThreadInfo[];
  kthreadsDone: Completion;
  triggerBusy: boolean;
}

const caseStr = (c: number): string => (c === TEST_KMOD_DRIVER ? 'TEST_KMOD_DRIVER' : c === TEST_KMOD_FS_TYPE ? 'TEST_KMOD_FS_TYPE' : 'invalid');

function devInfo(k: Kernel, dev: TestDev, level: number, msg: string): void {
  printk(k, level, `misc ${dev.name}: ${msg}`);
}

/**
 * kstrtouint()/kstrtoint() with base 10: an optional sign, digits, one optional trailing
 * newline. Returns [0, value] or [-errno, 0].
 */
function kstrto(s: string, signed: boolean): [number, number] {
  const t = s.endsWith('\n') ? s.slice(0, -1) : s;
  const m = signed ? /^[+-]?\d+$/.exec(t) : /^\+?\d+$/.exec(t);
  if (!m) return [-EINVAL, 0];
  const v = Number(t);
  if (signed ? v > 0x7fffffff || v < -0x80000000 : v > 0xffffffff) return [-ERANGE, 0];
  return [0, v];
}

function configInit(dev: TestDev): void {
  dev.driver = 'test_module';
  dev.fs = 'xfs';
  dev.numThreads = 50;
  dev.testResult = 0;
  dev.testCase = TEST_KMOD_DRIVER;
  dev.info = syncInfo(dev.numThreads) ?? [];
  dev.testIsOom = false;
}

function syncInfo(n: number): ThreadInfo[] | null {
  if (n === 0 || n > MAX_ALLOCATABLE_THREADS) return null;
  return Array.from({ length: n }, () => ({ retSync: 0, fsSync: null, running: false }));
}

function* runRequest(k: Kernel, dev: TestDev, idx: number): KGen<number> {
  const info = dev.info[idx];
  if (dev.testCase === TEST_KMOD_DRIVER) info.retSync = yield* requestModuleAny(k, dev.driver ?? '', true);
  else {
    info.fsSync = yield* getFsType(k, dev.fs ?? '');
    // test_kmod_put_module()
    if (info.fsSync) putFilesystem(k, info.fsSync);
  }
  info.running = false;
  dev.done++;
  if (dev.done === dev.numThreads) {
    devInfo(k, dev, KERN_INFO, `Done: ${dev.done} threads have all run now`);
    devInfo(k, dev, KERN_INFO, `Last thread to run: ${idx}`);
    complete(k, dev.kthreadsDone);
  }
  return 0;
}

function tally(k: Kernel, dev: TestDev): void {
  devInfo(k, dev, KERN_INFO, 'Results:');
  let err = 0;
  dev.info.forEach((info, idx) => {
    if (dev.testCase === TEST_KMOD_DRIVER) {
      if (info.retSync !== 0) err = info.retSync;
      devInfo(k, dev, KERN_INFO, `Sync thread ${idx} return status: ${info.retSync}`);
    } else {
      if (!info.fsSync) err = -EINVAL;
      devInfo(k, dev, KERN_INFO, `Sync thread ${idx} fs: ${info.fsSync ? dev.fs : 'NULL'}`);
    }
  });
  // "Note: request_module() returns 256 for a module not found even though modprobe itself returns 1."
  dev.testResult = err;
}

function* tryRequests(k: Kernel, dev: TestDev): KGen<number> {
  dev.kthreadsDone = new Completion('kthreads_done');
  for (let idx = 0; idx < dev.numThreads; idx++) {
    dev.info[idx] = { retSync: 0, fsSync: null, running: true };
    const t = kthreadCreate(k, `test_kmod-${idx}`, (kk) => runRequest(kk, dev, idx));
    if (typeof t === 'number') {
      dev.testIsOom = true;
      devInfo(k, dev, KERN_ERR, `Setting up thread ${idx} failed`);
      dev.info[idx].retSync = -ENOMEM;
      devInfo(k, dev, KERN_INFO, 'At least one thread failed to start, stop all work');
      devInfo(k, dev, KERN_INFO, 'Ending request_module() tests');
      return -ENOMEM;
    }
  }
  dev.testIsOom = false;
  devInfo(k, dev, KERN_INFO, 'No errors were found while initializing threads');
  yield* waitForCompletion(k, dev.kthreadsDone);
  tally(k, dev);
  return 0;
}

function* triggerConfigRun(k: Kernel, dev: TestDev): KGen<number> {
  dev.done = 0;
  if (dev.testCase !== TEST_KMOD_DRIVER && dev.testCase !== TEST_KMOD_FS_TYPE) {
    devInfo(k, dev, KERN_WARNING, `Invalid test case requested: ${dev.testCase}`);
    return -EINVAL;
  }
  devInfo(k, dev, KERN_INFO, `Test case: ${caseStr(dev.testCase)} (${dev.testCase})`);
  devInfo(k, dev, KERN_INFO, dev.testCase === TEST_KMOD_DRIVER ? `Test driver to load: ${dev.driver}` : `Test filesystem to load: ${dev.fs}`);
  devInfo(k, dev, KERN_INFO, `Number of threads to run: ${dev.numThreads}`);
  devInfo(k, dev, KERN_INFO, `Thread IDs will range from 0 - ${dev.numThreads - 1}`);
  const r = yield* tryRequests(k, dev);
  if (r < 0) return r;
  devInfo(k, dev, KERN_INFO, `General test result: ${dev.testResult}`);
  return 0;
}

/** kstrndup(): the bytes written, up to a NUL. */
const kstrndup = (s: string): string => (s.includes('\0') ? s.slice(0, s.indexOf('\0')) : s);

function makeDevice(k: Kernel, dev: TestDev) {
  return staticDir({
    trigger_config: { kind: 'file', mode: 0o200, *storeSlow(kk: Kernel, data: string): KGen<number> {
      if (dev.testIsOom) return -ENOMEM;
      // The trigger mutex: one run at a time.
      while (dev.triggerBusy) yield* waitForCompletion(kk, dev.kthreadsDone);
      dev.triggerBusy = true;
      try {
        const r = yield* triggerConfigRun(kk, dev);
        return r < 0 ? r : data.length;
      } finally {
        dev.triggerBusy = false;
      }
    } },
    config: file(0o444, () => `Custom trigger configuration for: ${dev.name}\nNumber of threads:\t${dev.numThreads}\n` +
      `Test_case:\t${caseStr(dev.testCase)} (${dev.testCase})\n${dev.driver !== null ? `driver:\t${dev.driver}` : 'driver:\tEMPTY'}\n` +
      `${dev.fs !== null ? `fs:\t${dev.fs}` : 'fs:\tEMPTY'}\n`),
    reset: file(0o200, undefined, (kk, data) => {
      configInit(dev);
      devInfo(kk, dev, KERN_INFO, 'reset');
      return data.length;
    }),
    config_test_driver: file(0o644, () => `${dev.driver ?? '(null)'}\n`, (_kk, data) => {
      dev.driver = kstrndup(data);
      return data.length;
    }),
    config_test_fs: file(0o644, () => `${dev.fs ?? '(null)'}\n`, (_kk, data) => {
      dev.fs = kstrndup(data);
      return data.length;
    }),
    config_num_threads: file(0o644, () => `${dev.numThreads | 0}\n`, (_kk, data) => {
      const [err, v] = kstrto(data, false);
      if (err) return err;
      const info = syncInfo(v);
      // A failed vzalloc() rolls back to the old value and says -EINVAL.
      if (!info) return -EINVAL;
      dev.numThreads = v;
      dev.info = info;
      return data.length;
    }),
    config_test_case: file(0o644, () => `${dev.testCase}\n`, (_kk, data) => {
      const [err, v] = kstrto(data, false);
      if (err) return err;
      if (v < TEST_KMOD_DRIVER || v > TEST_KMOD_FS_TYPE) return -EINVAL;
      dev.testCase = v;
      return data.length;
    }),
    test_result: file(0o644, () => `${dev.testResult}\n`, (_kk, data) => {
      const [err, v] = kstrto(data, true);
      if (err) return err;
      dev.testResult = v;
      return data.length;
    }),
    dev: file(0o444, () => `10:${58}\n`),
    uevent: file(0o644, () => `MAJOR=10\nMINOR=58\nDEVNAME=${dev.name}\n`, (_kk, data) => data.length),
  });
}

export const testKmodModule: NativeModule = {
  *init(k: Kernel, mod: Module): KGen<number> {
    const dev: TestDev = {
      name: 'test_kmod0', driver: null, fs: null, numThreads: 0, testCase: 0, testResult: 0, testIsOom: false, done: 0, info: [],
      kthreadsDone: new Completion('kthreads_done'), triggerBusy: false,
    };
    configInit(dev);
    k.miscDevices.set(dev.name, makeDevice(k, dev));
    (mod as Module & { priv?: TestDev }).priv = dev;
    devInfo(k, dev, KERN_INFO, 'interface ready');
    return 0;
  },
  *exit(k: Kernel, mod: Module): KGen<void> {
    const dev = (mod as Module & { priv?: TestDev }).priv;
    if (!dev) return;
    devInfo(k, dev, KERN_INFO, 'removing interface');
    k.miscDevices.delete(dev.name);
  },
};

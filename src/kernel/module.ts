// kernel/module.c: load_module()/sys_init_module()/sys_delete_module() for the virtual .ko
// format (src/lib/ko.ts), module states, refcounts and holders, parameters, and the actions a
// module's init runs in kernel context. Profile differences: 2.6.20 rejects unknown parameters
// (-ENOENT) and a second load of a COMING module at once (-EEXIST); 6.6 ignores unknown
// parameters with a warning and makes a second loader wait for the first to finish.
// EWOULDBLOCK is EAGAIN on Linux.
import { EAGAIN as EWOULDBLOCK, EBUSY, EEXIST, ENOENT, ENOEXEC, EPERM } from '../uapi/errno.ts';
import { parseKo, koValues } from '../lib/ko.ts';
import type { KoAction, KoImage } from '../lib/ko.ts';
import { CAP_SYS_MODULE, KERN_ERR, KERN_WARNING } from '../uapi/resource.ts';
import type { Kernel } from './kernel.ts';
import { printk } from './printk.ts';
import { capable } from './task.ts';
import type { KGen } from './task.ts';
import { EV } from './trace.ts';
import { WaitQueue, waitEvent, wakeUp } from './wait.ts';
import { runModuleAction } from './module_actions.ts';
import { kobjectUevent } from './kobject_uevent.ts';

export type ModuleState = 'Live' | 'Loading' | 'Unloading';

export interface NativeModule {
  init(k: Kernel, mod: Module): KGen<number>;
  exit?(k: Kernel, mod: Module): KGen<void>;
}

export interface Module {
  name: string;
  state: ModuleState;
  /** try_module_get references: one per module using us, plus mounts and other holders. */
  refcnt: number;
  /** Modules that use this one (modules_which_use_me / holders/). */
  holders: Set<Module>;
  /** Modules this one uses (its depends=). */
  uses: Module[];
  params: Map<string, string>;
  paramTypes: Map<string, string>;
  image: KoImage;
  size: number;
  address: number;
  /** Loaded before the steps began (scenario `loaded`), not traced. */
  preloaded: boolean;
  native: NativeModule | null;
  /** What the module registered, undone at unload. */
  registered: { filesystems: string[]; chrdevs: number[]; netprotos: number[] };
}

export class Modules {
  /** Newest first, as the kernel's list (list_add_rcu at the head) and /proc/modules show. */
  list: Module[] = [];
  readonly byName = new Map<string, Module>();
  readonly wq = new WaitQueue('module_wq');
  private nextAddr = 0;
  modulesDisabled = false;
  constructor(private readonly k: Kernel) {}

  find(name: string): Module | undefined {
    return this.byName.get(name);
  }

  allocAddress(size: number): number {
    const base = this.k.config.arch === 'i386' ? 0xf8800000 : 0xa0000000;
    const a = base + this.nextAddr;
    this.nextAddr += Math.ceil(size / 4096) * 4096 + 4096;
    return a;
  }
}

function parseParams(s: string): [string, string][] {
  const out: [string, string][] = [];
  const re = /([^\s=]+)(?:=("([^"]*)"|\S*))?/g;
  for (let m = re.exec(s); m; m = re.exec(s)) out.push([m[1], m[3] ?? m[2] ?? '']);
  return out;
}

/**
 * load_module() + do_init_module(): load `bytes` (a .ko image) with `params`; `fileName` is used
 * for the name when the image has no name= (finit_module knows the file).
 */
export function* loadModule(k: Kernel, bytes: string, params: string, fileName: string | null): KGen<number> {
  const t = k.current;
  if (!capable(t.cred, CAP_SYS_MODULE) || k.modules.modulesDisabled) return -EPERM;
  const parsed = parseKo(bytes);
  if (!parsed.ok) {
    printk(k, 7, `module: invalid module image: line ${parsed.line}: ${parsed.message}`);
    return -ENOEXEC;
  }
  const image = parsed.image;
  let name = image.name;
  if (!name && fileName !== null) {
    const base = fileName.slice(fileName.lastIndexOf('/') + 1);
    const dot = base.indexOf('.');
    name = (dot >= 0 ? base.slice(0, dot) : base).replace(/-/g, '_');
  }
  if (!name) return -ENOEXEC;
  const mods = k.modules;
  if (k.modern) {
    // add_unformed_module(): wait for a same-named module still loading, then decide.
    const r = yield* waitEvent(k, mods.wq, () => mods.find(name!)?.state !== 'Loading', 'interruptible', 'module_wq');
    if (r) return r;
  }
  if (mods.find(name)) return -EEXIST;
  const uses: Module[] = [];
  for (const dep of koValues(image, 'depends').flatMap((d) => d.split(',')).map((d) => d.trim()).filter(Boolean)) {
    const m = mods.find(dep.replace(/-/g, '_'));
    if (!m || m.state === 'Unloading') {
      printk(k, KERN_WARNING, `${name}: Unknown symbol ${dep}_* (err -2)`);
      return -ENOENT;
    }
    if (m.state === 'Loading') return -EBUSY;
    uses.push(m);
  }
  const paramTypes = new Map<string, string>();
  for (const v of koValues(image, 'parmtype')) {
    const c = v.indexOf(':');
    if (c > 0) paramTypes.set(v.slice(0, c), v.slice(c + 1));
  }
  for (const v of koValues(image, 'parm')) {
    const c = v.indexOf(':');
    const p = c > 0 ? v.slice(0, c) : v;
    if (!paramTypes.has(p)) paramTypes.set(p, 'charp');
  }
  const values = new Map<string, string>();
  for (const [p, v] of parseParams(params)) {
    if (!paramTypes.has(p)) {
      if (k.legacy) {
        printk(k, KERN_ERR, `${name}: Unknown parameter \`${p}'`);
        return -ENOENT;
      }
      printk(k, KERN_WARNING, `${name}: unknown parameter '${p}' ignored`);
      continue;
    }
    values.set(p, v);
  }
  k.sched.charge(k.config.costs.moduleLoad);
  const size = 4096 * (4 + Math.floor(bytes.length / 512));
  const mod: Module = {
    name, state: 'Loading', refcnt: 0, holders: new Set(), uses, params: values, paramTypes, image, size,
    address: mods.allocAddress(size), preloaded: false, native: image.native ? k.nativeModules.get(image.native) ?? null : null,
    registered: { filesystems: [], chrdevs: [], netprotos: [] },
  };
  if (image.native && !mod.native) return -ENOEXEC;
  for (const u of uses) {
    u.holders.add(mod);
    u.refcnt++;
  }
  mods.list.unshift(mod);
  mods.byName.set(name, mod);
  const tr = k.trace;
  if (tr.begin(EV.module_load, k.sched.now, t)) tr.s(name).s(params);
  // mod_sysfs_setup() sent the "add" uevent before init until 4.17, after a successful init since.
  if (k.legacy) yield* kobjectUevent(k, 'add', `/module/${name}`, 'module');
  const ret = yield* doInitModule(k, mod);
  if (tr.begin(EV.module_init_ret, k.sched.now, t)) tr.s(name).i(ret);
  if (ret < 0) {
    mod.state = 'Unloading';
    if (k.legacy) yield* kobjectUevent(k, 'remove', `/module/${name}`, 'module');
    freeModule(k, mod);
    return ret;
  }
  if (ret > 0) printk(k, KERN_WARNING, `${name}: '${name}'->init suspiciously returned ${ret}, it should follow 0/-E convention`);
  mod.state = 'Live';
  wakeUp(k, mods.wq);
  if (k.modern) yield* kobjectUevent(k, 'add', `/module/${name}`, 'module');
  return 0;
}

function* doInitModule(k: Kernel, mod: Module): KGen<number> {
  if (mod.native) return yield* mod.native.init(k, mod);
  return yield* runActions(k, mod, mod.image.init);
}

function* runActions(k: Kernel, mod: Module, actions: KoAction[]): KGen<number> {
  for (const a of actions) {
    const r = yield* runModuleAction(k, mod, a);
    if (r !== null) return r;
  }
  return 0;
}

/** free_module(): unregister what it registered, drop references, forget it. */
export function freeModule(k: Kernel, mod: Module): void {
  for (const fs of mod.registered.filesystems) k.filesystems.delete(fs);
  for (const major of mod.registered.chrdevs) k.chrdevs.delete(major);
  for (const fam of mod.registered.netprotos) k.netprotos.delete(fam);
  for (const u of mod.uses) {
    u.holders.delete(mod);
    u.refcnt--;
  }
  const mods = k.modules;
  mods.list = mods.list.filter((m) => m !== mod);
  if (mods.byName.get(mod.name) === mod) mods.byName.delete(mod.name);
  const tr = k.trace;
  if (!mod.preloaded || tr.enabled) if (tr.begin(EV.module_free, k.sched.now, k.sched.ctx())) tr.s(mod.name);
  wakeUp(k, mods.wq);
}

/** sys_delete_module(): the holders/refcount/state checks of kernel/module.c, then exit. */
export function* deleteModule(k: Kernel, name: string, flags: number): KGen<number> {
  const t = k.current;
  if (!capable(t.cred, CAP_SYS_MODULE) || k.modules.modulesDisabled) return -EPERM;
  const mod = k.modules.find(name);
  if (!mod) return -ENOENT;
  if (mod.holders.size > 0) return -EWOULDBLOCK;
  if (mod.state !== 'Live') return -EBUSY;
  const forced = (flags & 0o1000) !== 0; // O_TRUNC: rmmod -f
  if (mod.refcnt > 0 && !forced) return -EWOULDBLOCK;
  mod.state = 'Unloading';
  if (mod.native?.exit) yield* mod.native.exit(k, mod);
  else yield* runActions(k, mod, mod.image.exit);
  yield* kobjectUevent(k, 'remove', `/module/${name}`, 'module');
  freeModule(k, mod);
  return 0;
}

/** Load a module at boot without tracing or running a shell (scenario `loaded`). */
export function preloadModule(k: Kernel, name: string, image: KoImage): Module {
  const uses = koValues(image, 'depends').flatMap((d) => d.split(',')).map((d) => d.trim().replace(/-/g, '_')).filter(Boolean)
    .map((d) => k.modules.find(d)).filter((m): m is Module => !!m);
  const size = 16384;
  const mod: Module = {
    name, state: 'Live', refcnt: 0, holders: new Set(), uses, params: new Map(), paramTypes: new Map(), image, size,
    address: k.modules.allocAddress(size), preloaded: true, native: null, registered: { filesystems: [], chrdevs: [], netprotos: [] },
  };
  for (const u of uses) {
    u.holders.add(mod);
    u.refcnt++;
  }
  k.modules.list.unshift(mod);
  k.modules.byName.set(name, mod);
  return mod;
}

/**
 * /proc/modules, m_show() with print_unload_info() (CONFIG_MODULE_UNLOAD): "name size refcnt
 * users, state 0xaddr", newest module first (list_add at the head of `modules`) and, in the users
 * column, the newest user first (add_module_usage()'s list_add on source_list, 2.6.20's on
 * modules_which_use_me), each followed by ",", or "-" when none. The address is "0x%p" (2.6.20)
 * / "0x%px" (6.6), zero-padded to the pointer width; 6.6 prints NULL to readers that
 * kallsyms_show_value() refuses. Taint flags (" (OE)") are not modelled: no module taints.
 */
export function procModules(k: Kernel, showAddr: boolean): string {
  const width = k.config.arch === 'i386' ? 8 : 16;
  let out = '';
  for (const m of k.modules.list) {
    const users = m.holders.size ? [...m.holders].reverse().map((h) => `${h.name},`).join('') : '-';
    // Module addresses sit at the top of the address space: on x86_64 the sign-extended
    // 0xffffffffa0000000 region, whose high word the stand-in address leaves implicit.
    const addr = showAddr ? m.address.toString(16).padStart(width, width === 16 ? 'f' : '0') : '0'.repeat(width);
    out += `${m.name} ${m.size} ${m.refcnt} ${users} ${m.state} 0x${addr}\n`;
  }
  return out;
}

// The virtual `.ko` format: a readable text stand-in for an ELF kernel module. The header holds
// `.modinfo`-style key=value lines (what modinfo prints and depmod indexes); `[init]` and `[exit]`
// sections hold what the module's init and exit functions do, in kernel context. An empty file is
// a valid module whose init returns 0. See docs/ko-format.md.
//
//   # comment
//   name=e1000              kernel name (default: the file name up to the first '.', '-' -> '_')
//   alias=pci:v00008086d*   repeatable
//   depends=mii,crc32       comma list, as modpost writes it
//   softdep=pre: crc32c post: e1000_diag
//   parm=debug:Debug level (0-2)     parmtype=debug:int
//   license=GPL  description=...  author=...  version=...  vermagic=...  firmware=...
//   export=e1000_symbol     repeatable: symbols for modules.symbols
//   native=test_kmod        init/exit implemented by the kernel (lib/test_kmod.c and friends)
//   [init]
//   printk KERN_INFO e1000: Intel(R) PRO/1000 Network Driver
//   request_module crc32c          (request_module_nowait NAME for the nowait variant)
//   register_filesystem e1000fs    register_chrdev 10 e1000    register_netproto 10
//   call_usermodehelper 1 /sbin/hotplug net
//   msleep 100                     ssleep 1          hang (never returns)
//   return -ENODEV                 (return 0 is the default)
//   [exit]
//   printk KERN_INFO e1000: unloaded

export type KoAction =
  | { op: 'printk'; level: number; text: string }
  | { op: 'request_module'; name: string; wait: boolean }
  | { op: 'msleep'; ms: number }
  | { op: 'return'; value: number }
  | { op: 'register_filesystem'; name: string }
  | { op: 'register_chrdev'; major: number; name: string }
  | { op: 'register_netproto'; family: number }
  | { op: 'call_usermodehelper'; wait: number; argv: string[] }
  | { op: 'hang' };

export interface KoImage {
  /** The `name=` key if present. */
  name: string | null;
  /** Every key=value of the header, in order (modinfo prints them so). */
  info: [string, string][];
  init: KoAction[];
  exit: KoAction[];
  /** `native=` implementation name, if any. */
  native: string | null;
}

export type KoParse = { ok: true; image: KoImage } | { ok: false; line: number; message: string };

const LEVELS: Record<string, number> = {
  KERN_EMERG: 0, KERN_ALERT: 1, KERN_CRIT: 2, KERN_ERR: 3, KERN_WARNING: 4, KERN_NOTICE: 5, KERN_INFO: 6, KERN_DEBUG: 7,
};

const ERRNOS: Record<string, number> = {
  EPERM: 1, ENOENT: 2, EIO: 5, ENXIO: 6, E2BIG: 7, ENOEXEC: 8, EAGAIN: 11, ENOMEM: 12, EACCES: 13, EFAULT: 14,
  EBUSY: 16, EEXIST: 17, ENODEV: 19, EINVAL: 22, ENOSPC: 28, ENOSYS: 38, ETIME: 62, ETIMEDOUT: 110,
  EOPNOTSUPP: 95, EPROTONOSUPPORT: 93, EAFNOSUPPORT: 97,
};

function parseInt10(s: string): number | null {
  return /^-?\d+$/.test(s) ? Number(s) : null;
}

function parseReturn(s: string): number | null {
  const n = parseInt10(s);
  if (n !== null) return n;
  const m = /^-(E[A-Z0-9]+)$/.exec(s);
  if (m && ERRNOS[m[1]] !== undefined) return -ERRNOS[m[1]];
  return null;
}

function parseAction(line: string): KoAction | string {
  const words = line.split(/\s+/);
  const op = words[0];
  const rest = line.slice(op.length).trim();
  switch (op) {
    case 'printk': {
      const lv = words[1] ?? '';
      const level = LEVELS[lv] ?? (/^[0-7]$/.test(lv) ? Number(lv) : undefined);
      if (level === undefined) return `printk needs a level (KERN_INFO or 0-7), got '${lv}'`;
      return { op, level, text: rest.slice(lv.length).trim() };
    }
    case 'request_module':
    case 'request_module_nowait':
      if (words.length !== 2) return `${op} takes one module name`;
      return { op: 'request_module', name: words[1], wait: op === 'request_module' };
    case 'msleep':
    case 'ssleep': {
      const n = parseInt10(words[1] ?? '');
      if (n === null || n < 0 || words.length !== 2) return `${op} takes a non-negative number`;
      return { op: 'msleep', ms: op === 'ssleep' ? n * 1000 : n };
    }
    case 'return': {
      const v = parseReturn(words[1] ?? '');
      if (v === null || words.length !== 2) return `return takes 0, a negative number or -ENAME (e.g. -ENODEV)`;
      return { op, value: v };
    }
    case 'register_filesystem':
      if (words.length !== 2) return 'register_filesystem takes a filesystem type name';
      return { op, name: words[1] };
    case 'register_chrdev': {
      const major = parseInt10(words[1] ?? '');
      if (major === null || major < 1 || major > 511 || words.length !== 3) return 'register_chrdev takes MAJOR NAME';
      return { op, major, name: words[2] };
    }
    case 'register_netproto': {
      const family = parseInt10(words[1] ?? '');
      if (family === null || family < 1 || family > 45 || words.length !== 2) return 'register_netproto takes an address family number (1-45)';
      return { op, family };
    }
    case 'call_usermodehelper': {
      const wait = parseInt10(words[1] ?? '');
      if (wait === null || words.length < 3) return 'call_usermodehelper takes WAIT PATH [ARGS...]';
      return { op, wait, argv: words.slice(2) };
    }
    case 'hang':
      return { op };
    default:
      return `unknown action '${op}'`;
  }
}

/** Parse a module image (binary string). Anything that is not this format is -ENOEXEC to the kernel. */
export function parseKo(bytes: string): KoParse {
  const image: KoImage = { name: null, info: [], init: [], exit: [], native: null };
  if (bytes.length === 0) return { ok: true, image };
  const lines = bytes.split('\n');
  let section: 'info' | 'init' | 'exit' = 'info';
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    // eslint-disable-next-line no-control-regex
    if (/[\x00-\x08\x0e-\x1f\x7f]/.test(raw)) return { ok: false, line: i + 1, message: 'not a module: binary data' };
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (line === '[init]' || line === '[exit]') {
      section = line === '[init]' ? 'init' : 'exit';
      continue;
    }
    if (section === 'info') {
      const eq = line.indexOf('=');
      if (eq <= 0) return { ok: false, line: i + 1, message: `expected key=value, [init] or [exit], got '${line.slice(0, 40)}'` };
      const key = line.slice(0, eq).trim();
      const value = line.slice(eq + 1).trim();
      if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key)) return { ok: false, line: i + 1, message: `bad key '${key}'` };
      image.info.push([key, value]);
      if (key === 'name') image.name = value;
      if (key === 'native') image.native = value;
    } else {
      const a = parseAction(line);
      if (typeof a === 'string') return { ok: false, line: i + 1, message: a };
      image[section].push(a);
    }
  }
  return { ok: true, image };
}

/** All values of a key, in order. */
export function koValues(image: KoImage, key: string): string[] {
  return image.info.filter(([k]) => k === key).map(([, v]) => v);
}

/** The module name the tools derive from a path: base name up to the first '.', '-' -> '_'. */
export function moduleNameFromPath(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.indexOf('.');
  return (dot >= 0 ? base.slice(0, dot) : base).replace(/-/g, '_');
}

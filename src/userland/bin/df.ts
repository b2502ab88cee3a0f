// GNU df 9.1: the space and inodes of the file systems in /proc/mounts (pseudo ones, those
// with 0 blocks and duplicates left out unless -a), or of the one holding each FILE. statfs(2)
// gives the counts; df_table.ts formats them. Simplified: no --sync, no -l remote test (nothing
// here is remote), control characters in names are not replaced with '?'.
import type { Statfs } from '../../uapi/statfs.ts';
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { readFile } from '../lib/io.ts';
import { stat, statfs } from '../lib/sys.ts';
import { Output, getenv, tryHelp, warn, warnErrno } from './common.ts';
import { blocksHeader, human_autoscale, human_base_1024, human_SI, humanReadable, percent, renderTable } from './df_table.ts';
import type { Column, Units } from './df_table.ts';
import { parseBlockSize } from './df_units.ts';
import { L, parseArgs } from './opts.ts';
import { quote, quotef } from './quote.ts';
import { canonicalize, Can } from './readlink.ts';

interface MountEntry {
  dev: string;
  dir: string;
  type: string;
  dummy: boolean;
}

/** gnulib mountlist.c ME_DUMMY: types that hold no storage. */
const DUMMY = new Set(['autofs', 'proc', 'subfs', 'debugfs', 'devpts', 'fusectl', 'fuse.portal', 'mqueue', 'rpc_pipefs', 'sysfs',
  'devfs', 'kernfs', 'ignore', 'none']);

/** The field table: name, caption, left aligned, minimum width. */
const FIELDS: Record<string, [string, boolean, number]> = {
  source: ['Filesystem', true, 14], fstype: ['Type', true, 4], itotal: ['Inodes', false, 5], iused: ['IUsed', false, 5],
  iavail: ['IFree', false, 5], ipcent: ['IUse%', false, 5], size: ['Size', false, 5], used: ['Used', false, 5],
  avail: ['Avail', false, 5], pcent: ['Use%', false, 4], file: ['File', true, 4], target: ['Mounted on', true, 0],
};
const ALL_FIELDS = Object.keys(FIELDS);

/** /proc/mounts escapes space, tab, newline and backslash as \ooo. */
const unescape = (s: string): string => s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));

function parseMounts(text: string): MountEntry[] {
  return text.split('\n').filter((l) => l.trim()).map((l) => {
    const [dev = '', dir = '', type = ''] = l.split(/[ \t]+/);
    return { dev: unescape(dev), dir: unescape(dir), type: unescape(type), dummy: DUMMY.has(type) };
  });
}

type Mode = 'default' | 'inodes' | 'human' | 'posix' | 'output';

export function* df({ argv, envp }: ProgramArgs): UserGen {
  const long = {
    all: L('a'), 'block-size': L('\u0002B', 'required'), inodes: L('i'), 'human-readable': L('h'), si: L('H'), local: L('l'),
    output: L('\u0002output', 'optional'), portability: L('P'), 'print-type': L('T'), sync: L('\u0002sync'), 'no-sync': L('\u0002nosync'),
    total: L('\u0002total'), type: L('t', 'required'), 'exclude-type': L('x', 'required'),
  };
  const p = yield* parseArgs(argv, { short: 'aB:iF:hHklmPTt:vx:', long }, { name: 'df' });
  if ('exit' in p) return p.exit;
  const prog = argv[0];
  let mode: Mode = 'default', all = false, printType = false, posix = false, grandTotal = false;
  let units: Units | null = null;
  let fields: string[] | null = null;
  const selected: string[] = [], excluded: string[] = [];
  const usage = function* (msg: string): UserGen<number> {
    yield* warn(prog, msg);
    yield* tryHelp(prog);
    return 1;
  };
  const exclusive = (a: string): string => `options ${a} and --output are mutually exclusive`;
  for (const o of p.opts) {
    const v = o.value ?? '';
    if (o.key === 'a') all = true;
    else if (o.key === 'B' || o.key === '\u0002B') {
      const u = parseBlockSize(v);
      if (typeof u === 'string') {
        yield* warn(prog, u.replace('%s', o.key === 'B' ? '-B' : '--block-size').replace('%a', v));
        return 1;
      }
      units = u;
    } else if (o.key === 'i') {
      if (mode === 'output') return yield* usage(exclusive('-i'));
      mode = 'inodes';
    } else if (o.key === 'h') units = { size: 1, opts: human_autoscale | human_SI | human_base_1024 };
    else if (o.key === 'H') units = { size: 1, opts: human_autoscale | human_SI };
    else if (o.key === 'k') units = { size: 1024, opts: 0 };
    else if (o.key === 'm') units = { size: 1024 * 1024, opts: 0 };
    else if (o.key === 'T') {
      if (mode === 'output') return yield* usage(exclusive('-T'));
      printType = true;
    } else if (o.key === 'P') {
      if (mode === 'output') return yield* usage(exclusive('-P'));
      posix = true;
    } else if (o.key === 't' || o.key === 'F') selected.push(v);
    else if (o.key === 'x') excluded.push(v);
    else if (o.key === '\u0002total') grandTotal = true;
    else if (o.key === '\u0002output') {
      if (mode === 'inodes') return yield* usage(exclusive('-i'));
      if (posix && mode === 'default') return yield* usage(exclusive('-P'));
      if (printType) return yield* usage(exclusive('-T'));
      mode = 'output';
      if (o.value !== undefined) {
        fields ??= [];
        for (const f of o.value.split(',')) {
          if (!(f in FIELDS)) return yield* usage(`option --output: field ${quote(f)} unknown`);
          if (fields.includes(f)) return yield* usage(`option --output: field ${quote(f)} used more than once`);
          fields.push(f);
        }
      }
    }
  }
  for (const t of selected) if (excluded.includes(t)) {
    yield* warn(prog, `file system type ${quote(t)} both selected and excluded`);
    return 1;
  }
  if (!units) {
    if (posix) units = { size: getenv(envp, 'POSIXLY_CORRECT') !== undefined ? 512 : 1024, opts: 0 };
    else {
      const spec = getenv(envp, 'DF_BLOCK_SIZE') ?? getenv(envp, 'BLOCK_SIZE') ?? getenv(envp, 'BLOCKSIZE');
      const u = spec === undefined ? null : parseBlockSize(spec);
      units = u && typeof u !== 'string' ? u : { size: getenv(envp, 'POSIXLY_CORRECT') !== undefined ? 512 : 1024, opts: 0 };
    }
  }
  if (mode !== 'inodes' && mode !== 'output') mode = units.opts & human_autoscale ? 'human' : posix ? 'posix' : 'default';
  const u = units;
  // get_field_list(): the columns of each mode and the captions it renames.
  const named: [string, string?][] = mode === 'output' ? (fields ?? ALL_FIELDS).map((f) => [f])
    : [['source'], ...(printType ? [['fstype'] as [string]] : []),
      ...(mode === 'inodes' ? [['itotal'], ['iused'], ['iavail'], ['ipcent']] as [string][]
        : [['size'], ['used'], ['avail', mode === 'human' ? undefined : 'Available'], ['pcent', mode === 'posix' ? 'Capacity' : undefined]] as [string, string?][]),
      ['target']];
  const cols: Column[] = named.map(([f, caption]) => {
    const [def, left, width] = FIELDS[f];
    let header = caption ?? def;
    if (f === 'size' && (mode === 'default' || (mode === 'output' && !(u.opts & human_autoscale)))) header = blocksHeader(u);
    else if (f === 'size' && mode === 'posix') header = `${u.size}-blocks`;
    return { field: f, header, left, width };
  });

  const rows: string[][] = [cols.map((c) => c.header)];
  const grand = { blocks: 0, bfree: 0, bavail: 0, files: 0, ffree: 0 };
  let status = 0, processed = 0;
  // Inode counts are scaled only by -h/-H: a unit letter (-BM) is for block counts.
  const inodeOpts = u.opts & human_autoscale ? u.opts : 0;
  const num = (n: number, from: number, blocks: boolean): string =>
    humanReadable(n, blocks ? u.opts : inodeOpts, from, blocks ? u.size : 1);
  const addRow = (source: string, type: string, target: string, file: string, s: Statfs, listed: boolean): void => {
    if (s.blocks === 0 && !all && !listed) return;
    processed++;
    const used = s.blocks - s.bfree, iused = s.files - s.ffree;
    if (grandTotal) {
      grand.blocks += s.blocks * s.frsize;
      grand.bfree += s.bfree * s.frsize;
      grand.bavail += s.bavail * s.frsize;
      grand.files += s.files;
      grand.ffree += s.ffree;
    }
    const cell: Record<string, string> = {
      source, fstype: type, target, file,
      itotal: num(s.files, 1, false), iused: num(iused, 1, false), iavail: num(s.ffree, 1, false), ipcent: percent(iused, s.ffree),
      size: num(s.blocks, s.frsize, true), used: num(used, s.frsize, true), avail: num(s.bavail, s.frsize, true), pcent: percent(used, s.bavail),
    };
    rows.push(cols.map((c) => cell[c.field]));
  };
  const wanted = (type: string): boolean => (!selected.length || selected.includes(type)) && !excluded.includes(type);

  const mtab = yield* readFile('/proc/mounts');
  const mounts = typeof mtab === 'string' ? parseMounts(mtab) : null;
  if (p.operands.length) {
    const stats = [];
    for (const name of p.operands) {
      const st = yield* stat(name);
      if (typeof st === 'number') {
        yield* warnErrno(prog, quotef(name), st);
        status = 1;
      }
      stats.push(st);
    }
    for (let i = 0; i < p.operands.length; i++) {
      const st = stats[i], name = p.operands[i];
      if (typeof st === 'number') continue;
      const me = yield* pointOf(mounts ?? [], name, st.dev);
      if (me && !wanted(me.type)) continue;
      const s = yield* statfs(name);
      if (typeof s === 'number') {
        yield* warnErrno(prog, quotef(name), s);
        status = 1;
        continue;
      }
      addRow(me?.dev ?? '-', me?.type ?? '-', me?.dir ?? '?', name, s, true);
    }
  } else {
    if (!mounts) {
      yield* warnErrno(prog, 'cannot read table of mounted file systems', mtab as number);
      return 1;
    }
    for (const me of all ? mounts : yield* dedup(mounts, wanted)) {
      if ((me.dummy && !all) || !wanted(me.type) || me.dir[0] !== '/') continue;
      const s = yield* statfs(me.dir);
      if (typeof s === 'number') {
        // An entry that vanished or may not be looked at is left out (shown as "-" with -a).
        if (s === -2 || s === -13) {
          if (all) rows.push(cols.map((c) => (c.field === 'source' ? me.dev : c.field === 'target' ? me.dir : '-')));
          if (all) processed++;
          continue;
        }
        yield* warnErrno(prog, quotef(me.dir), s);
        status = 1;
        continue;
      }
      addRow(me.dev, me.type, me.dir, '-', s, false);
    }
  }
  const out = new Output();
  if (!processed) {
    if (status === 0) {
      yield* warn(prog, 'no file systems processed');
      return 1;
    }
    return status;
  }
  if (grandTotal) {
    const source = cols.some((c) => c.field === 'source');
    addRow('total', '-', source ? '-' : 'total', '-', { ...grand, type: 0, bsize: 1, frsize: 1, namelen: 0, flags: 0 }, true);
  }
  yield* out.put(renderTable(cols, rows));
  return yield* out.finish(prog, status);
}

/**
 * filter_mount_list(): one entry per device (st_dev of the mount point). A later entry wins when
 * its name has a '/' and the earlier one's has not, when it is nearer the device's root, or when
 * another device was mounted over the same place.
 */
function* dedup(mounts: MountEntry[], wanted: (t: string) => boolean): UserGen<MountEntry[]> {
  const kept: (MountEntry | null)[] = [];
  const byDev = new Map<number, number>();
  for (const me of mounts) {
    const st = me.dummy || !wanted(me.type) ? -1 : yield* stat(me.dir);
    if (typeof st === 'number') {
      kept.push(me);
      continue;
    }
    const at = byDev.get(st.dev);
    if (at === undefined) {
      byDev.set(st.dev, kept.length);
      kept.push(me);
      continue;
    }
    const old = kept[at]!;
    if ((me.dev.includes('/') && !old.dev.includes('/')) || old.dir.length > me.dir.length || (old.dev !== me.dev && old.dir === me.dir)) {
      kept[at] = null;
      byDev.set(st.dev, kept.length);
      kept.push(me);
    }
  }
  return kept.filter((m): m is MountEntry => m !== null);
}

/**
 * get_point(): the mount entry for a file: the longest mount point that is a prefix of its
 * canonical name, if that mount point is on the file's device; else the last entry on it.
 */
function* pointOf(mounts: MountEntry[], name: string, dev: number): UserGen<MountEntry | null> {
  const real = yield* canonicalize(name, Can.EXISTING);
  let best: MountEntry | null = null;
  if (typeof real === 'string') {
    for (const me of mounts) {
      if (best && !best.dummy && me.dummy) continue;
      const len = me.dir.length;
      if ((best?.dir.length ?? 0) <= len && len <= real.length
        && (len === 1 || ((len === real.length || real[len] === '/') && real.startsWith(me.dir)))) best = me;
    }
  }
  if (best) {
    const st = yield* stat(best.dir);
    if (typeof st === 'number' || st.dev !== dev) best = null;
  }
  if (!best) {
    for (const me of mounts) {
      if (best && !best.dummy && me.dummy) continue;
      const st = yield* stat(me.dir);
      if (typeof st !== 'number' && st.dev === dev) best = me;
    }
  }
  return best;
}

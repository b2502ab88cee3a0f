// depmod's computation (tools/depmod.c), on module headers already read: module order
// (modules.order first), dependencies, the topological sort that orders each modules.dep line
// nearest first, cycle reports, and the text of every index. Virtual modules name their
// dependencies in `depends=` (what modpost writes) instead of undefined symbols, so a dependency
// edge is a depends= name that some module provides.
import { hashIterOrder } from './hash.ts';
import { aliasBinWarnings, builtinAliases, devnames, values } from './depmod-output.ts';

export interface DepmodModule {
  /** Absolute path. */
  path: string;
  /** Path relative to the module directory, or null for a module outside it. */
  relpath: string | null;
  name: string;
  /** The header's key=value pairs; null when the file is not a module. */
  info: [string, string][] | null;
}

interface Mod extends DepmodModule {
  idx: number;
  deps: Mod[];
  users: number;
  depSortIdx: number;
  visited: boolean;
}

export interface DepmodResult {
  /** Index files in depmod's write order; `bin` ones are stand-ins for the .bin tries. */
  files: { name: string; content: string; bin: boolean; errors?: string[]; binErrors?: string[] }[];
  /**
   * Lines for stderr, complete with the `depmod: LEVEL: ` prefix. A file's own `errors` are
   * printed when that file is written (output_devname() complains as it writes modules.devname,
   * after the builtin indexes' warnings); `binErrors` only when files are written, as they come
   * from filling a .bin index (not made with -n).
   */
  errors: string[];
  /** Lines for stdout with -v (SHOW). */
  show: string[];
  ok: boolean;
}

export interface DepmodOptions {
  verbose: boolean;
  /** -e with -E/-F: report dependencies nobody provides. */
  printUnknown: boolean;
  /** -w: warn about duplicate index entries. */
  warnDups?: boolean;
  /** -P: the architecture's symbol prefix character. */
  symPrefix?: string;
}

/** depmod_symbol_add(): one leading -P character comes off an exported name. */
const stripPrefix = (name: string, prefix: string | undefined): string => (prefix && name[0] === prefix ? name.slice(1) : name);

const pathOf = (m: DepmodModule): string => m.relpath ?? m.path;

/**
 * depmod_modules_build_array() then depmod_modules_sort(): the array starts in the iteration
 * order of depmod->modules_by_name (a hash_new(512) table), then the modules listed in
 * modules.order move to the front, in that order; the rest keep their hash order (every one has
 * sort_idx 1, and glibc's qsort is a stable merge sort). Lines are looked up in
 * modules_by_uncrelpath, and only a line that names a module not yet placed takes the next rank
 * (counting up from minus the number of modules), so unknown lines change nothing. A last line
 * without its newline makes depmod give up on the order altogether.
 */
function sortByOrder(mods: Mod[], order: string | null, dirname: string, errors: string[]): Mod[] {
  const rankInHash = new Map(hashIterOrder(new Set(mods.map((m) => m.name)), 512).map((n, i) => [n, i]));
  const hashed = [...mods].sort((a, b) => rankInHash.get(a.name)! - rankInHash.get(b.name)!);
  if (order === null) return hashed;
  const byPath = new Map<string, Mod>();
  for (const m of mods) if (m.relpath !== null) byPath.set(uncrelpath(m.relpath, m.name), m);
  const rank = new Map<Mod, number>();
  let next = -mods.length;
  const lines = order.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.endsWith('\n')) {
      errors.push(`depmod: ERROR: ${dirname}/modules.order:${i + 1} corrupted line misses '\\n'\n`);
      return hashed;
    }
    const m = byPath.get(line.slice(0, -1));
    if (m && !rank.has(m)) rank.set(m, next++);
  }
  const key = (m: Mod): number => rank.get(m) ?? 1;
  return hashed.sort((a, b) => key(a) - key(b));
}

/**
 * depmod_module_add()'s uncrelpath: the relative path cut to its directory, the module name and
 * ".ko" worth of characters (`x.ko.xz` gives `x.ko`; `dm.dots.ko` gives `dm.do`).
 */
function uncrelpath(relpath: string, name: string): string {
  return relpath.slice(0, relpath.lastIndexOf('/') + 1 + name.length + 3);
}

/**
 * kmod_list_remove_data() on the roots list: kmod lists are circular, and the function returns
 * the node after the removed one as the new head, so removing from the middle rotates the list.
 */
function removeData(roots: Mod[], m: Mod): Mod[] {
  const at = roots.indexOf(m);
  return at < 0 ? roots : [...roots.slice(at + 1), ...roots.slice(0, at)];
}

/** depmod_report_cycles(): walk from each module still having users; print each cycle once. */
function reportCycles(mods: Mod[], users: number[], errors: string[]): void {
  let roots = mods.filter((_, i) => users[i] > 0);
  const inLoop = new Set<string>();
  while (roots.length) {
    const root = roots.shift()!;
    type V = { mod: Mod; parent: V | null; depth: number };
    const stack: V[] = [{ mod: root, parent: null, depth: 0 }];
    while (stack.length) {
      const v = stack.pop()!;
      const m = v.mod;
      if (m.visited && m === root) {
        const chain: Mod[] = [];
        for (let p = v.parent; p; p = p.parent) {
          chain.unshift(p.mod);
          inLoop.add(p.mod.name);
        }
        for (const c of chain) roots = removeData(roots, c);
        errors.push(`depmod: ERROR: Cycle detected: ${[...chain, m].map((x) => x.name).join(' -> ')}\n`);
        continue;
      }
      m.visited = true;
      if (m.deps.length === 0) {
        roots = removeData(roots, m);
        continue;
      }
      // A cycle that does not pass through the root would make kmod's walk overflow its stack
      // (an assertion); a simple path is never longer than the module count, so stop there.
      if (v.depth >= mods.length) continue;
      for (const d of m.deps) stack.push({ mod: d, parent: v, depth: v.depth + 1 });
    }
  }
  errors.push(`depmod: ERROR: Found ${inLoop.size} modules in dependency cycles!\n`);
}

/** depmod_calculate_dependencies(): topological sort, users before what they use. */
function calculate(mods: Mod[], errors: string[]): boolean {
  const users = mods.map((m) => m.users);
  const roots = mods.filter((m) => m.users === 0).map((m) => m.idx);
  let sorted = 0;
  while (roots.length) {
    const src = mods[roots.pop()!];
    src.depSortIdx = sorted++;
    for (const dst of src.deps) {
      if (--users[dst.idx] === 0) roots.push(dst.idx);
    }
  }
  if (sorted < mods.length) {
    reportCycles(mods, users, errors);
    return false;
  }
  for (const m of mods) m.deps.sort((a, b) => a.depSortIdx - b.depSortIdx);
  return true;
}

/** mod_get_all_sorted_dependencies(): the closure, nearest first. */
function closure(m: Mod): Mod[] {
  const seen = new Set<Mod>();
  const walk = (x: Mod): void => {
    for (const d of x.deps) {
      if (seen.has(d)) continue;
      seen.add(d);
      walk(d);
    }
  };
  walk(m);
  return [...seen].sort((a, b) => a.depSortIdx - b.depSortIdx);
}

export function depmod(input: DepmodModule[], order: string | null, builtinModinfo: string | null, opts: DepmodOptions, dirname = ''): DepmodResult {
  const errors: string[] = [];
  const show: string[] = [];
  let mods: Mod[] = input.map((m, idx) => ({ ...m, idx, deps: [], users: 0, depSortIdx: Number.MAX_SAFE_INTEGER, visited: false }));
  mods = sortByOrder(mods, order, dirname, errors);
  mods.forEach((m, i) => (m.idx = i));
  const byName = new Map(mods.map((m) => [m.name, m]));
  const symbols = new Map<string, Mod>();
  for (const m of mods) {
    if (m.info === null) {
      errors.push(`depmod: ERROR: failed to load symbols from ${m.path}: Exec format error\n`);
      continue;
    }
    // A later exporter replaces an earlier one, as depmod's hash_add() does.
    for (const s of values(m, 'export')) symbols.set(stripPrefix(s, opts.symPrefix), m);
  }
  for (const m of mods) {
    for (const d of values(m, 'depends').flatMap((v) => v.split(',')).filter((d) => d)) {
      const owner = byName.get(d.replace(/-/g, '_'));
      if (!owner) {
        if (opts.printUnknown) errors.push(`depmod: WARNING: ${m.path} needs unknown symbol ${d}\n`);
        continue;
      }
      if (m.deps.includes(owner)) continue;
      m.deps.push(owner);
      owner.users++;
      if (!opts.verbose) continue;
      // depmod_load_module_dependencies() prints one line per undefined symbol that resolves.
      // A virtual module names its dependency, not the symbols it imports: take it to import
      // everything the dependency exports (that no later module exports instead), or name the
      // module when it exports nothing.
      const syms = values(owner, 'export').map((x) => stripPrefix(x, opts.symPrefix)).filter((x) => symbols.get(x) === owner);
      for (const x of syms.length ? syms : [d]) show.push(`${m.path} needs "${x}": ${owner.path}\n`);
    }
  }
  if (!calculate(mods, errors)) return { files: [], errors, show, ok: false };
  const dep = mods.map((m) => `${pathOf(m)}:${m.deps.length ? closure(m).map((d) => ` ${pathOf(d)}`).join('') : ''}\n`).join('');
  const alias = '# Aliases extracted from modules themselves.\n' + mods.flatMap((m) => values(m, 'alias').map((a) => `alias ${a} ${m.name}\n`)).join('');
  const softdep = '# Soft dependencies extracted from modules themselves.\n' + mods.flatMap((m) => values(m, 'softdep').map((v) => `softdep ${m.name} ${v}\n`)).join('');
  const weakdep = '# Weak dependencies extracted from modules themselves.\n' + mods.flatMap((m) => values(m, 'weakdep').map((v) => `weakdep ${m.name} ${v}\n`)).join('');
  // output_symbols() walks depmod->symbols, a hash_new(2048) table, so the lines come in bucket order.
  const devnameErrors: string[] = [];
  const builtinWarnings: string[] = [];
  const syms = '# Aliases for symbols, used by symbol_request().\n' +
    hashIterOrder(symbols.keys(), 2048).map((s) => `alias symbol:${s} ${symbols.get(s)!.name}\n`).join('');
  return {
    files: [
      { name: 'modules.dep', content: dep, bin: false },
      { name: 'modules.alias', content: alias, bin: false, binErrors: aliasBinWarnings(mods, opts.warnDups ?? false) },
      { name: 'modules.softdep', content: softdep, bin: false },
      { name: 'modules.weakdep', content: weakdep, bin: false },
      { name: 'modules.symbols', content: syms, bin: false },
      { name: 'modules.builtin.alias', content: builtinAliases(builtinModinfo, builtinWarnings), bin: true, binErrors: builtinWarnings },
      { name: 'modules.devname', content: devnames(mods, devnameErrors), bin: false, errors: devnameErrors },
    ],
    errors,
    show,
    ok: true,
  };
}

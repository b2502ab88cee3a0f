// The module database files of /lib/modules/<release>, read as text. Real libkmod reads the
// binary tries depmod writes beside them (modules.dep.bin, ...); these classes answer the same
// questions the tries answer: modules.dep by exact module name (first line wins),
// modules.alias / modules.symbols / modules.builtin.alias by index_searchwild() over the trie
// depmod builds from them (every hit, by priority), modules.builtin by name.
// Parse results are cached by the file's content string.
import { AliasTrie } from './aliastrie.ts';
import { BoundedCache } from './cache.ts';
import { pathToModname, underscores } from './names.ts';

export interface DepEntry {
  /** The module's path as written (relative to the module directory, or absolute). */
  path: string;
  /** Its dependencies as written, nearest first (the line's order). */
  deps: string[];
}

/** The first position of char code `c` in s[from, to), or -1. */
function indexIn(s: string, c: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) === c) return i;
  return -1;
}

export class DepIndex {
  /** name -> [start, end) of its line in the content. */
  private readonly lines = new Map<string, number>();
  private readonly parsed = new Map<string, DepEntry>();
  /** Names in file order (depmod writes modules.order order). */
  readonly names: string[] = [];

  constructor(private readonly content: string) {
    // One pass over the text without splitting it: this runs cold on every new modules.dep
    // (5,000 lines on a real system).
    for (let start = 0; start < content.length;) {
      let end = content.indexOf('\n', start);
      if (end < 0) end = content.length;
      // Every search stays inside this line: searching to the end of the file would make a
      // file of lines without ':' or '.' quadratic.
      const colon = indexIn(content, 58 /* : */, start, end);
      if (colon > start) {
        const slash = content.lastIndexOf('/', colon);
        const base = slash >= start ? slash + 1 : start;
        let stop = indexIn(content, 46 /* . */, base, colon);
        if (stop < 0) stop = colon;
        let name = content.slice(base, stop);
        if (name.indexOf('-') >= 0) name = name.replace(/-/g, '_');
        if (name !== '' && !this.lines.has(name)) {
          this.lines.set(name, start);
          this.names.push(name);
        }
      }
      start = end + 1;
    }
  }

  has(name: string): boolean {
    return this.lines.has(name);
  }

  get(name: string): DepEntry | null {
    let e = this.parsed.get(name);
    if (e) return e;
    const start = this.lines.get(name);
    if (start === undefined) return null;
    let end = this.content.indexOf('\n', start);
    if (end < 0) end = this.content.length;
    const line = this.content.slice(start, end);
    const colon = line.indexOf(':');
    e = { path: line.slice(0, colon), deps: line.slice(colon + 1).split(/[ \t]+/).filter((d) => d !== '') };
    this.parsed.set(name, e);
    return e;
  }
}

export interface AliasHit {
  /** The key as stored (normalized for modules.alias). */
  key: string;
  module: string;
}

/**
 * `alias KEY MODULE` lines: modules.alias, modules.symbols, modules.builtin.alias. Lookups go
 * through the trie depmod would have written (aliastrie.ts). A value's priority is its module's
 * place in depmod's module order (the text lists modules in that order; for modules.symbols the
 * first line of each module stands in for it), and 0 for every built-in alias, as
 * output_builtin_alias_bin() inserts them.
 */
export class AliasIndex {
  private readonly trie = new AliasTrie();
  readonly entries: AliasHit[] = [];

  constructor(content: string, normalizeKeys: boolean, builtin = false) {
    const rank = new Map<string, number>();
    for (const line of content.split('\n')) {
      if (!line.startsWith('alias')) continue;
      const w = line.split(/[ \t]+/);
      if (w[0] !== 'alias' || w.length < 3 || !w[1] || !w[2]) continue;
      // depmod normalizes alias keys (alias_normalize) and drops those with unmatched brackets.
      const key = normalizeKeys ? underscores(w[1]) : w[1];
      if (key === null) continue;
      if (!rank.has(w[2])) rank.set(w[2], rank.size);
      this.trie.insert(key, w[2], builtin ? 0 : rank.get(w[2])!);
      this.entries.push({ key, module: w[2] });
    }
  }

  /** index_searchwild(): every module whose key matches `name`, in priority order. */
  search(name: string): string[] {
    return this.trie.searchwild(name);
  }

  /** index_dump(): `alias KEY MODULE` lines in the trie's byte order of keys. */
  dump(): string {
    const order = this.entries.map((_, i) => i);
    order.sort((a, b) => {
      const ka = this.entries[a].key;
      const kb = this.entries[b].key;
      return ka < kb ? -1 : ka > kb ? 1 : a - b;
    });
    return order.map((i) => `alias ${this.entries[i].key} ${this.entries[i].module}\n`).join('');
  }
}

/** modules.builtin: one path per line; depmod keeps only lines that start with a letter. */
export class BuiltinIndex {
  private readonly names = new Set<string>();
  constructor(content: string) {
    // fgets() keeps each line's newline, and path_to_modname() stops only at a '.', so a line
    // without one names a module that ends in '\n', which no request matches.
    for (const line of content.match(/[^\n]*\n|[^\n]+$/g) ?? []) {
      const c = line.charCodeAt(0);
      if (!((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a))) continue;
      const name = pathToModname(line);
      if (name !== null) this.names.add(name);
    }
  }

  has(name: string): boolean {
    return this.names.has(name);
  }
}

/**
 * modules.builtin.modinfo as libkmod's get_strings() reads it: `module.key=value` records
 * separated by NUL bytes (newlines also separate records, for hand-written files). Records are
 * matched on the exact `module.` prefix, and only the first run of them counts: the first other
 * record after a match ends the search. A record without a '.' (an empty one included) before
 * that point is an error: null. Returns the `key=value` strings, in order.
 */
export function builtinModinfo(content: string, module: string): string[] | null {
  const out: string[] = [];
  const records = content.split('\0');
  // getdelim() at the end of the file returns nothing more after the last NUL.
  if (records[records.length - 1] === '') records.pop();
  for (const rec of records) {
    for (const line of rec === '' ? [''] : rec.split('\n').filter((l) => l !== '')) {
      if (line.indexOf('.') < 0) return null;
      if (line.startsWith(module) && line[module.length] === '.') {
        out.push(line.slice(module.length + 1));
      } else if (out.length) {
        return out;
      }
    }
  }
  return out;
}

const depCache = new BoundedCache<DepIndex>(8);
const aliasCache = new BoundedCache<AliasIndex>(16);
const rawAliasCache = new BoundedCache<AliasIndex>(8);
const builtinAliasCache = new BoundedCache<AliasIndex>(8);
const builtinCache = new BoundedCache<BuiltinIndex>(8);

function cached<T>(cache: BoundedCache<T>, content: string, make: () => T): T {
  let v = cache.get(content);
  if (!v) {
    v = make();
    cache.set(content, v);
  }
  return v;
}

export const parseModulesDep = (c: string): DepIndex => cached(depCache, c, () => new DepIndex(c));
/** modules.alias and modules.builtin.alias: keys normalized as depmod stores them. */
export const parseModulesAlias = (c: string): AliasIndex => cached(aliasCache, c, () => new AliasIndex(c, true));
/** modules.builtin.alias: normalized keys, every value at priority 0. */
export const parseBuiltinAlias = (c: string): AliasIndex => cached(builtinAliasCache, c, () => new AliasIndex(c, true, true));
/** modules.symbols: `symbol:NAME` keys as written. */
export const parseModulesSymbols = (c: string): AliasIndex => cached(rawAliasCache, c, () => new AliasIndex(c, false));
export const parseModulesBuiltin = (c: string): BuiltinIndex => cached(builtinCache, c, () => new BuiltinIndex(c));

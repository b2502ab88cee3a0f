// The merged configuration (libkmod's struct kmod_config) and the lookups libkmod makes on it.
// Each question kmod answers with a linear fnmatch() scan is answered here the same way, but
// literal names go through a map first, so a 1,000-line modprobe.d costs a map probe plus a scan
// of the (usually few) wildcard entries.
import { PatternSet } from './patternset.ts';
import { BoundedCache } from './cache.ts';
import type { AliasEntry, CommandEntry, ConfigPart, OptionsEntry, SoftdepEntry, WeakdepEntry } from './config.ts';

/** Entries of one kind, indexed for "all matches in order" and "first match" questions. */
class Matcher<T> {
  private readonly set = new PatternSet();
  private readonly exact = new Map<string, number[]>();
  constructor(readonly entries: T[], key: (e: T) => string, private readonly glob: boolean) {
    entries.forEach((e, i) => {
      const k = key(e);
      if (glob) {
        this.set.add(k, i);
      } else {
        const list = this.exact.get(k);
        if (list) list.push(i);
        else this.exact.set(k, [i]);
      }
    });
  }

  /** Indexes of every entry whose key matches `name` (fnmatch for patterns), in order. */
  all(name: string): number[] {
    return this.glob ? this.set.match(name) : this.exact.get(name) ?? [];
  }

  /** The first entry whose key matches `name`. */
  first(name: string): T | null {
    const i = this.glob ? this.set.first(name) : this.exact.get(name)?.[0] ?? -1;
    return i < 0 ? null : this.entries[i];
  }
}

export class Config {
  readonly aliases: AliasEntry[] = [];
  readonly blacklists: string[] = [];
  readonly options: OptionsEntry[] = [];
  readonly installs: CommandEntry[] = [];
  readonly removes: CommandEntry[] = [];
  readonly softdeps: SoftdepEntry[] = [];
  readonly weakdeps: WeakdepEntry[] = [];
  private readonly blacklistSet: Set<string>;
  private readonly aliasM: Matcher<AliasEntry>;
  private readonly optionsM: Matcher<OptionsEntry>;
  private readonly installM: Matcher<CommandEntry>;
  private readonly removeM: Matcher<CommandEntry>;
  private readonly installExact: Matcher<CommandEntry>;
  private readonly removeExact: Matcher<CommandEntry>;
  private readonly softdepM: Matcher<SoftdepEntry>;
  private readonly weakdepM: Matcher<WeakdepEntry>;

  constructor(parts: readonly ConfigPart[]) {
    for (const p of parts) {
      this.aliases.push(...p.aliases);
      this.blacklists.push(...p.blacklists);
      this.options.push(...p.options);
      this.installs.push(...p.installs);
      this.removes.push(...p.removes);
      this.softdeps.push(...p.softdeps);
      this.weakdeps.push(...p.weakdeps);
    }
    this.blacklistSet = new Set(this.blacklists);
    this.aliasM = new Matcher(this.aliases, (e) => e.pattern, true);
    this.optionsM = new Matcher(this.options, (e) => e.modname, false);
    this.installM = new Matcher(this.installs, (e) => e.modname, true);
    this.removeM = new Matcher(this.removes, (e) => e.modname, true);
    this.installExact = new Matcher(this.installs, (e) => e.modname, false);
    this.removeExact = new Matcher(this.removes, (e) => e.modname, false);
    this.softdepM = new Matcher(this.softdeps, (e) => e.modname, true);
    this.weakdepM = new Matcher(this.weakdeps, (e) => e.modname, true);
  }

  /** kmod_lookup_alias_from_config(): every alias whose pattern matches, in file order. */
  aliasesFor(name: string): AliasEntry[] {
    return this.aliasM.all(name).map((i) => this.aliases[i]);
  }

  /** module_is_blacklisted(): exact name match. */
  isBlacklisted(name: string): boolean {
    return this.blacklistSet.has(name);
  }

  /**
   * kmod_module_get_options(): every `options` line for the real name or for the alias the
   * module was reached through, in order, joined by single spaces (empty values skipped).
   */
  optionsFor(name: string, alias: string | null): string | null {
    let idx = this.optionsM.all(name);
    if (alias !== null && alias !== name) {
      const more = this.optionsM.all(alias);
      if (more.length) idx = [...idx, ...more].sort((a, b) => a - b);
    }
    const vals = idx.map((i) => this.options[i].options).filter((o) => o.length > 0);
    return vals.length ? vals.join(' ') : null;
  }

  /** kmod_module_get_install_commands(): the first line whose name field fnmatches. */
  installFor(name: string): string | null {
    return this.installM.first(name)?.command ?? null;
  }

  removeFor(name: string): string | null {
    return this.removeM.first(name)?.command ?? null;
  }

  /** kmod_lookup_alias_from_commands(): exact (streq) install names first, then remove names. */
  commandByName(name: string): { install?: string; remove?: string } | null {
    const i = this.installExact.first(name);
    if (i) return { install: i.command };
    const r = this.removeExact.first(name);
    if (r) return { remove: r.command };
    return null;
  }

  /** kmod_module_get_softdeps(): only the first matching line counts (kmod issue #33). */
  softdepFor(name: string): SoftdepEntry | null {
    return this.softdepM.first(name);
  }

  weakdepFor(name: string): WeakdepEntry | null {
    return this.weakdepM.first(name);
  }
}

const mergedCache = new BoundedCache<Config>(16);
const partIds = new WeakMap<ConfigPart, number>();
let nextId = 1;

function idOf(p: ConfigPart): number {
  let id = partIds.get(p);
  if (id === undefined) {
    id = nextId++;
    partIds.set(p, id);
  }
  return id;
}

/**
 * Merge parts into a Config, reusing the previous result when the same parsed parts come back
 * (parts are cached by content, so an unchanged configuration yields the same objects).
 */
export function mergeConfig(parts: readonly ConfigPart[]): Config {
  const key = parts.map(idOf).join(',');
  let cfg = mergedCache.get(key);
  if (!cfg) {
    cfg = new Config(parts);
    mergedCache.set(key, cfg);
  }
  return cfg;
}

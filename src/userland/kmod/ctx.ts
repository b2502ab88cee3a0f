// The libkmod context (libkmod/libkmod.c, libkmod-module.c): module objects pooled by name (or
// name\alias), the lookup chain of kmod_module_new_from_lookup(), lazily loaded indexes, the
// dependency line of a module, and module state as libkmod reads it from sysfs.
import type { UserGen } from '../../uapi/syscalls.ts';
import { EINVAL, ENOENT, EEXIST, strerror } from '../../uapi/errno.ts';
import { S_ISDIR } from '../../uapi/fcntl.ts';
import type { KmodHost } from './host.ts';
import type { Logger } from './log.ts';
import { LOG_ERR } from './log.ts';
import type { Config } from './configset.ts';
import type { EnvVars } from './envvars.ts';
import {
  type AliasIndex, type BuiltinIndex, type DepIndex,
  parseBuiltinAlias, parseModulesAlias, parseModulesBuiltin, parseModulesDep, parseModulesSymbols,
} from './indexes.ts';
import { modnameNormalize, pathToModname, underscores } from './names.ts';

/** enum kmod_module_initstate. */
export const KMOD_MODULE_BUILTIN = 0, KMOD_MODULE_LIVE = 1, KMOD_MODULE_COMING = 2, KMOD_MODULE_GOING = 3;

/** libkmod prints its context pointer in one error; a real address varies, this one is fixed. */
export const CTX_POINTER = '0x55f4c3b2a2a0';

export class Mod {
  path: string | null = null;
  depInit = false;
  deps: Mod[] = [];
  builtin: boolean | null = null;
  /** undefined until looked up (kmod's lazy init flags). */
  install: string | null | undefined = undefined;
  remove: string | null | undefined = undefined;
  options: string | null | undefined = undefined;
  visited = false;
  required = false;
  ignorecmd = false;
  constructor(readonly name: string, readonly alias: string | null) {}
}

type Loaded = { dep?: DepIndex; alias?: AliasIndex; symbols?: AliasIndex; builtin?: BuiltinIndex; builtinAlias?: AliasIndex };

export class KmodCtx {
  readonly pool = new Map<string, Mod>();
  private readonly idx: Loaded = {};

  constructor(
    readonly host: KmodHost,
    readonly log: Logger,
    /** /lib/modules/<release>, or the -d/-S variant. */
    readonly dirname: string,
    readonly config: Config,
    readonly env: EnvVars,
  ) {}

  private *read(file: string): UserGen<string> {
    const c = yield* this.host.readFile(`${this.dirname}/${file}`);
    return typeof c === 'string' ? c : '';
  }

  *depIndex(): UserGen<DepIndex> {
    return (this.idx.dep ??= parseModulesDep(yield* this.read('modules.dep')));
  }

  *aliasIndex(): UserGen<AliasIndex> {
    return (this.idx.alias ??= parseModulesAlias(yield* this.read('modules.alias')));
  }

  *symbolsIndex(): UserGen<AliasIndex> {
    return (this.idx.symbols ??= parseModulesSymbols(yield* this.read('modules.symbols')));
  }

  *builtinIndex(): UserGen<BuiltinIndex> {
    return (this.idx.builtin ??= parseModulesBuiltin(yield* this.read('modules.builtin')));
  }

  *builtinAliasIndex(): UserGen<AliasIndex> {
    return (this.idx.builtinAlias ??= parseBuiltinAlias(yield* this.read('modules.builtin.alias')));
  }

  private get(name: string, alias: string | null): Mod {
    const key = alias === null ? name : `${name}\\${alias}`;
    let m = this.pool.get(key);
    if (!m) {
      m = new Mod(name, alias);
      this.pool.set(key, m);
    }
    return m;
  }

  /** kmod_module_new_from_name(): the name is cut at the first `.`, dashes become underscores. */
  fromName(name: string): Mod {
    return this.get(modnameNormalize(name), null);
  }

  /** kmod_module_new_from_alias(): a distinct object per (name, alias) pair. */
  fromAlias(alias: string, name: string): Mod {
    return this.get(name, alias);
  }

  /** kmod_module_new_from_path(): the file must exist; its name comes from the base name. */
  *fromPath(path: string): UserGen<Mod | number> {
    let abs = path;
    if (path[0] !== '/') {
      const cwd = yield* this.host.getcwd();
      if (typeof cwd !== 'string') return cwd;
      abs = `${cwd}/${path}`;
    }
    const st = yield* this.host.stat(abs);
    if (typeof st === 'number') return st;
    const name = pathToModname(path);
    if (name === null) return -ENOENT;
    const m = this.get(name, null);
    if (m.path === null) {
      m.path = abs;
    } else if (m.path !== abs) {
      yield* this.log.kmod(LOG_ERR, 'kmod_module_new_from_path',
        `kmod_module '${name}' already exists with different path: new-path='${abs}' old-path='${m.path}'\n`);
      return -EEXIST;
    }
    m.builtin = false;
    return m;
  }

  private join(p: string): string {
    return p[0] === '/' ? p : `${this.dirname}/${p}`;
  }

  /** kmod_module_parse_depline(): the path, and the dependencies in load order (line reversed). */
  private *parseDepline(mod: Mod, line: { path: string; deps: string[] }): UserGen<void> {
    if (mod.depInit) return;
    mod.depInit = true;
    if (mod.path === null) mod.path = this.join(line.path);
    const list: Mod[] = [];
    for (const d of line.deps) {
      const path = this.join(d);
      const dep = yield* this.fromPath(path);
      if (typeof dep === 'number') {
        yield* this.log.kmod(LOG_ERR, 'kmod_module_parse_depline', `ctx=${CTX_POINTER} path=${path} error=${strerror(-dep)}\n`);
        mod.depInit = false;
        return;
      }
      list.unshift(dep);
    }
    mod.deps = list;
  }

  /** kmod_module_get_dependencies(): read the module's modules.dep line once. */
  *dependencies(mod: Mod): UserGen<Mod[]> {
    if (!mod.depInit) {
      const line = (yield* this.depIndex()).get(mod.name);
      if (line) yield* this.parseDepline(mod, line);
    }
    return mod.deps;
  }

  /** kmod_module_get_path(): null for built-in modules and names without a modules.dep line. */
  *path(mod: Mod): UserGen<string | null> {
    if (mod.path !== null || mod.depInit) return mod.path;
    yield* this.dependencies(mod);
    return mod.path;
  }

  /** kmod_module_is_builtin(): modules.builtin, checked before sysfs. */
  *isBuiltin(mod: Mod): UserGen<boolean> {
    if (mod.builtin === null) mod.builtin = (yield* this.builtinIndex()).has(mod.name);
    return mod.builtin;
  }

  /**
   * kmod_module_new_from_lookup(): the first source with hits wins: modprobe.d aliases (all),
   * modules.dep, modules.symbols (symbol:), install/remove names, modules.alias (all),
   * modules.builtin, modules.builtin.alias. -EINVAL for a name with unbalanced brackets.
   */
  *lookup(given: string): UserGen<Mod[] | number> {
    const name = underscores(given);
    if (name === null) return -EINVAL;
    const fromConfig = this.config.aliasesFor(name);
    if (fromConfig.length) return fromConfig.map((a) => this.fromAlias(a.pattern, a.modname));
    if (name.indexOf(':') < 0) {
      const line = (yield* this.depIndex()).get(name);
      if (line) {
        const m = this.fromName(name);
        yield* this.parseDepline(m, line);
        return [m];
      }
    }
    if (name.startsWith('symbol:')) {
      const hits = (yield* this.symbolsIndex()).search(name);
      if (hits.length) return hits.map((v) => this.fromAlias(name, v));
    }
    const cmd = this.config.commandByName(name);
    if (cmd) {
      const m = this.fromName(name);
      if (cmd.install !== undefined) m.install = cmd.install;
      else m.remove = cmd.remove;
      return [m];
    }
    const aliases = (yield* this.aliasIndex()).search(name);
    if (aliases.length) return aliases.map((v) => this.fromAlias(name, v));
    if ((yield* this.builtinIndex()).has(name)) {
      const m = this.fromName(name);
      m.builtin = true;
      return [m];
    }
    const bi = (yield* this.builtinAliasIndex()).search(name);
    return bi.map((v) => {
      const m = this.fromAlias(name, v);
      m.builtin = true;
      return m;
    });
  }

  /** kmod_module_get_initstate(): builtin, live, coming, going, or -errno when not loaded. */
  *initstate(mod: Mod): UserGen<number> {
    if (yield* this.isBuiltin(mod)) return KMOD_MODULE_BUILTIN;
    const path = `/sys/module/${mod.name}/initstate`;
    const s = yield* this.host.readFile(path);
    if (typeof s === 'number') {
      const st = yield* this.host.stat(`/sys/module/${mod.name}`);
      if (typeof st !== 'number' && S_ISDIR(st.mode)) return KMOD_MODULE_COMING;
      return typeof st === 'number' ? st : s;
    }
    const v = s.slice(0, 31);
    if (v === 'live\n') return KMOD_MODULE_LIVE;
    if (v === 'coming\n') return KMOD_MODULE_COMING;
    if (v === 'going\n') return KMOD_MODULE_GOING;
    yield* this.log.kmod(LOG_ERR, 'kmod_module_get_initstate', `unknown ${path}: '${v}'\n`);
    return -EINVAL;
  }

  /** kmod_module_get_refcnt(): /sys/module/<name>/refcnt, or -errno. */
  *refcnt(mod: Mod): UserGen<number> {
    const path = `/sys/module/${mod.name}/refcnt`;
    const s = yield* this.host.readFile(path);
    if (typeof s === 'number') return s;
    const m = /^[ \t\n\v\f\r]*([+-]?\d+)[ \t\n\v\f\r]/.exec(s.slice(0, 31));
    if (!m) {
      yield* this.log.kmod(LOG_ERR, 'kmod_module_get_refcnt', `could not read integer from '${path}': '${strerror(EINVAL)}'\n`);
      return -EINVAL;
    }
    return Number(m[1]);
  }

  /** kmod_module_get_holders(): the entries of /sys/module/<name>/holders/. */
  *holders(mod: Mod): UserGen<Mod[]> {
    const dir = `/sys/module/${mod.name}/holders`;
    const ents = yield* this.host.listDir(dir);
    if (typeof ents === 'number') {
      yield* this.log.kmod(LOG_ERR, 'kmod_module_get_holders', `could not open '${dir}': ${strerror(-ents)}\n`);
      return [];
    }
    return ents.map((e) => this.fromName(e.name));
  }

  /** module_is_inkernel(): live or built in. */
  *inKernel(mod: Mod): UserGen<boolean> {
    const s = yield* this.initstate(mod);
    return s === KMOD_MODULE_LIVE || s === KMOD_MODULE_BUILTIN;
  }

  installCommand(mod: Mod): string | null {
    if (mod.install === undefined) mod.install = this.config.installFor(mod.name);
    return mod.install;
  }

  removeCommand(mod: Mod): string | null {
    if (mod.remove === undefined) mod.remove = this.config.removeFor(mod.name);
    return mod.remove;
  }

  options(mod: Mod): string | null {
    if (mod.options === undefined) mod.options = this.config.optionsFor(mod.name, mod.alias);
    return mod.options;
  }

  /** lookup_dep(): resolve softdep/weakdep targets like command-line names. */
  private *lookupAll(names: readonly string[]): UserGen<Mod[]> {
    const out: Mod[] = [];
    for (const n of names) {
      const r = yield* this.lookup(n);
      if (typeof r === 'number') {
        yield* this.log.kmod(LOG_ERR, 'lookup_dep', `failed to lookup dependency '${n}', continuing anyway.\n`);
        continue;
      }
      out.push(...r);
    }
    return out;
  }

  /** kmod_module_get_softdeps(): the first matching softdep line only. */
  *softdeps(mod: Mod): UserGen<{ pre: Mod[]; post: Mod[] }> {
    const sd = this.config.softdepFor(mod.name);
    if (!sd) return { pre: [], post: [] };
    const pre = yield* this.lookupAll(sd.pre);
    const post = yield* this.lookupAll(sd.post);
    return { pre, post };
  }
}

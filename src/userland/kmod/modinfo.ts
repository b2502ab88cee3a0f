// modinfo (tools/modinfo.c): the .modinfo fields of a module (here, the virtual .ko header),
// found by path, by module name (-m) or through the whole lookup chain. Built-in modules read
// modules.builtin.modinfo and print `filename:       (builtin)`.
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { EINVAL, ENOENT, ENOEXEC, strerror } from '../../uapi/errno.ts';
import { S_ISREG } from '../../uapi/fcntl.ts';
import { parseKo } from '../../lib/ko.ts';
import type { KmodHost } from './host.ts';
import { LOG_ERR, type Logger } from './log.ts';
import type { LongOption } from './getopt.ts';
import { getopts, kmodNew, toolMain } from './tool.ts';
import type { KmodCtx, Mod } from './ctx.ts';
import { builtinModinfo } from './indexes.ts';
import { hasKoExtension } from './names.ts';
import { formatModinfo } from './modinfo-format.ts';
import { KMOD_VERSION_TEXT } from './version.ts';

const LONGOPTS: LongOption[] = [
  { name: 'author', hasArg: 0, val: 'a' },
  { name: 'description', hasArg: 0, val: 'd' },
  { name: 'license', hasArg: 0, val: 'l' },
  { name: 'parameters', hasArg: 0, val: 'p' },
  { name: 'filename', hasArg: 0, val: 'n' },
  { name: 'null', hasArg: 0, val: '0' },
  { name: 'modname', hasArg: 0, val: 'm' },
  { name: 'field', hasArg: 1, val: 'F' },
  { name: 'set-version', hasArg: 1, val: 'k' },
  { name: 'basedir', hasArg: 1, val: 'b' },
  { name: 'version', hasArg: 0, val: 'V' },
  { name: 'help', hasArg: 0, val: 'h' },
];

const HELP = (p: string): string =>
  'Usage:\n' +
  `\t${p} [options] <modulename|filename> [args]\n` +
  'Options:\n' +
  "\t-a, --author                Print only 'author'\n" +
  "\t-d, --description           Print only 'description'\n" +
  "\t-l, --license               Print only 'license'\n" +
  "\t-p, --parameters            Print only 'parm'\n" +
  "\t-n, --filename              Print only 'filename'\n" +
  '\t-0, --null                  Use \\0 instead of \\n\n' +
  '\t-m, --modname               Handle argument as module name instead of alias or filename\n' +
  '\t-F, --field FIELD           Print only provided FIELD\n' +
  '\t-k, --set-version VERSION   Use VERSION instead of $(uname -r)\n' +
  '\t-b, --basedir DIR           Use DIR as filesystem root for /lib/modules\n' +
  '\t-V, --version               Show version\n' +
  '\t-h, --help                  Show this help\n';

/** Header keys of the virtual format that are not .modinfo entries in a real module. */
const NOT_MODINFO = new Set(['export', 'native']);

/** kmod_module_get_info(): `key=value` strings, or -errno. */
function* moduleInfo(ctx: KmodCtx, mod: Mod): UserGen<string[] | number> {
  if (yield* ctx.isBuiltin(mod)) {
    const c = yield* ctx.host.readFile(`${ctx.dirname}/modules.builtin.modinfo`);
    if (typeof c === 'number') return c;
    const strings = builtinModinfo(c, mod.name);
    if (strings !== null) return strings;
    yield* ctx.log.kmod(LOG_ERR, 'get_strings', 'get_strings: unexpected string without modname prefix\n');
    return -EINVAL;
  }
  const path = yield* ctx.path(mod);
  if (path === null) return -ENOENT;
  const content = yield* ctx.host.readFile(path);
  if (typeof content === 'number') return content;
  const ko = parseKo(content);
  if (!ko.ok) return -ENOEXEC;
  // kmod_module_get_info() reads only the ELF .modinfo section. A virtual module's export= keys
  // stand for its __ksymtab entries and native= for its code, so modinfo never shows them.
  return ko.image.info.filter(([k]) => !NOT_MODINFO.has(k)).map(([k, v]) => `${k}=${v}`);
}

interface Out { text: string }

function* modinfoDo(ctx: KmodCtx, log: Logger, mod: Mod, field: string | null, sep: string, out: Out): UserGen<number> {
  const path = yield* ctx.path(mod);
  const builtin = path === null;
  if (builtin) {
    if (field === null) out.text += `${'name:'.padEnd(16)}${mod.name}${sep}`;
    else if (field === 'name') out.text += `${mod.name}${sep}`;
  }
  const filename = path ?? '(builtin)';
  if (field === 'filename') {
    out.text += `${filename}${sep}`;
    return 0;
  }
  if (field === null) out.text += `${'filename:'.padEnd(16)}${filename}${sep}`;
  const info = yield* moduleInfo(ctx, mod);
  if (typeof info === 'number') {
    // An old kernel without modules.builtin.modinfo: nothing more to say.
    if (builtin && info === -ENOENT) return 0;
    yield* flush(ctx, out);
    yield* log.err(`could not get modinfo from '${mod.name}': ${strerror(-info)}\n`);
    return info;
  }
  const r = formatModinfo(info, field, sep);
  for (const e of r.errors) {
    yield* flush(ctx, out);
    yield* log.err(e);
  }
  out.text += r.text;
  return 0;
}

function* flush(ctx: KmodCtx, out: Out): UserGen<void> {
  if (out.text) yield* ctx.host.write(1, out.text);
  out.text = '';
}

function* body(args: ProgramArgs, host: KmodHost, log: Logger): UserGen {
  const { opts, operands } = yield* getopts(host, args, 'adlpn0mF:k:b:Vh', LONGOPTS);
  let field: string | null = null;
  let sep = '\n';
  let byName = false;
  let kversion: string | null = null;
  let root: string | null = null;
  for (const o of opts) {
    switch (o.opt) {
      case 'a': field = 'author'; break;
      case 'd': field = 'description'; break;
      case 'l': field = 'license'; break;
      case 'p': field = 'parm'; break;
      case 'n': field = 'filename'; break;
      case '0': sep = '\0'; break;
      case 'm': byName = true; break;
      case 'F': field = o.arg; break;
      case 'k': kversion = o.arg; break;
      case 'b': root = o.arg; break;
      case 'h': yield* host.write(1, HELP(log.prog)); return 0;
      case 'V': yield* host.write(1, KMOD_VERSION_TEXT); return 0;
      default: return 1;
    }
  }
  if (operands.length === 0) {
    yield* log.err('missing module or filename.\n');
    return 1;
  }
  const dirname = root !== null || kversion !== null ? `${root ?? ''}/lib/modules/${kversion ?? (yield* host.uname()).release}` : null;
  const ctx = yield* kmodNew(host, log, args, dirname);
  const out: Out = { text: '' };
  let err = 0;
  for (const name of operands) {
    let r: number;
    if (byName) r = yield* byModname(ctx, log, name, field, sep, out);
    else if (yield* isModuleFilename(host, name)) r = yield* byPath(ctx, log, name, field, sep, out);
    else r = yield* byAlias(ctx, log, name, field, sep, out);
    if (r < 0) err = r;
  }
  yield* flush(ctx, out);
  return err >= 0 ? 0 : 1;
}

function* isModuleFilename(host: KmodHost, name: string): UserGen<boolean> {
  if (!hasKoExtension(name)) return false;
  const st = yield* host.stat(name);
  return typeof st !== 'number' && S_ISREG(st.mode);
}

function* byPath(ctx: KmodCtx, log: Logger, path: string, field: string | null, sep: string, out: Out): UserGen<number> {
  const mod = yield* ctx.fromPath(path);
  if (typeof mod === 'number') {
    yield* flush(ctx, out);
    yield* log.err(`Module file ${path} not found.\n`);
    return mod;
  }
  return yield* modinfoDo(ctx, log, mod, field, sep, out);
}

/** kmod_module_new_from_name_lookup(): modules.dep, modules.builtin, modules.builtin.alias. */
function* byModname(ctx: KmodCtx, log: Logger, name: string, field: string | null, sep: string, out: Out): UserGen<number> {
  const n = ctx.fromName(name).name;
  let mod: Mod | null = null;
  if ((yield* ctx.depIndex()).has(n)) {
    mod = ctx.fromName(n);
  } else if ((yield* ctx.builtinIndex()).has(n)) {
    mod = ctx.fromName(n);
    mod.builtin = true;
  } else {
    const hits = (yield* ctx.builtinAliasIndex()).search(n);
    if (hits.length) {
      mod = ctx.fromAlias(n, hits[0]);
      mod.builtin = true;
    }
  }
  if (!mod) {
    yield* flush(ctx, out);
    yield* log.err(`Module name ${name} not found.\n`);
    return -ENOENT;
  }
  return yield* modinfoDo(ctx, log, mod, field, sep, out);
}

function* byAlias(ctx: KmodCtx, log: Logger, alias: string, field: string | null, sep: string, out: Out): UserGen<number> {
  const list = yield* ctx.lookup(alias);
  if (typeof list === 'number') {
    yield* flush(ctx, out);
    yield* log.err(`Module alias ${alias} not found.\n`);
    return list;
  }
  if (list.length === 0) {
    yield* flush(ctx, out);
    yield* log.err(`Module ${alias} not found.\n`);
    return -ENOENT;
  }
  let err = 0;
  for (const m of list) {
    const r = yield* modinfoDo(ctx, log, m, field, sep, out);
    if (r < 0) err = r;
  }
  return err;
}

export function modinfoMain(args: ProgramArgs, host: KmodHost): UserGen {
  return toolMain(args, host, body);
}

// depmod's side inputs (tools/depmod.c): System.map (-F) and Module.symvers (-E), read only for
// their error messages (virtual modules name their dependencies by module, so kernel symbols
// never decide an edge), and the modules.builtin check made while writing modules.builtin.bin.
import type { UserGen } from '../../uapi/syscalls.ts';
import { strerror } from '../../uapi/errno.ts';
import type { KmodHost } from './host.ts';
import type { Logger } from './log.ts';

/** fgets() over a whole file: each line keeps its '\n' (the last one may lack it). */
function fgetsLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** depmod_load_system_map(): `addr type name` lines; others are "invalid line" errors. 0 or -errno. */
export function* loadSystemMap(host: KmodHost, log: Logger, path: string): UserGen<number> {
  const text = yield* host.readFile(path);
  if (typeof text === 'number') return text;
  let n = 0;
  for (const line of fgetsLines(text)) {
    n++;
    const a = line.indexOf(' ');
    if (a >= 0 && line.indexOf(' ', a + 1) >= 0) continue;
    // ERR("%s:%u: invalid line: %s\n"): the line still holds its newline.
    yield* log.err(`${path}:${n}: invalid line: ${line}\n`);
  }
  return 0;
}

/** depmod_load_symvers(): `crc<TAB>symbol<TAB>vmlinux...` lines; a bad crc is an error. 0 or -errno. */
export function* loadSymvers(host: KmodHost, log: Logger, path: string): UserGen<number> {
  const text = yield* host.readFile(path);
  if (typeof text === 'number') return text;
  let n = 0;
  for (const line of fgetsLines(text)) {
    n++;
    // strtok(line, " \t"): the newline stays part of the last token.
    const [ver, sym, where] = line.split(/[ \t]+/).filter((w) => w !== '');
    if (!ver || !sym || !where || where !== 'vmlinux') continue;
    // strtoull(ver, &end, 16) must consume the whole token; %m is then errno (0: "Success").
    const m = /^[ \t\n\v\f\r]*[+-]?(?:0[xX](?=[0-9a-fA-F]))?([0-9a-fA-F]+)$/.exec(ver);
    if (!m) yield* log.err(`${path}:${n} Invalid symbol version ${ver}: Success\n`);
    else if (BigInt(`0x${m[1]}`) > 0xffffffffffffffffn) yield* log.err(`${path}:${n} Invalid symbol version ${ver}: ${strerror(34)}\n`);
  }
  return 0;
}

/** output_builtin_bin()'s check: each modules.builtin line must start with a letter. */
export function* checkBuiltin(log: Logger, text: string): UserGen<void> {
  for (const line of fgetsLines(text)) {
    if (!/^[A-Za-z]/.test(line)) yield* log.err(`Invalid modules.builtin line: ${line}\n`);
  }
}

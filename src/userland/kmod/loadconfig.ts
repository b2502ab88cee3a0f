// kmod_config_new(): list the configuration directories, read the files in sorted order, then
// the kernel command line. Runs before the tool hooks libkmod's logging, so its errors carry the
// `libkmod: ERROR: <function>: ` prefix and ignore -q.
import type { UserGen } from '../../uapi/syscalls.ts';
import { ENOENT, ENOTDIR, strerror } from '../../uapi/errno.ts';
import { DT_DIR, DT_REG, S_ISDIR } from '../../uapi/fcntl.ts';
import type { KmodHost } from './host.ts';
import type { Logger } from './log.ts';
import { LOG_ERR } from './log.ts';
import { type ConfListing, DEFAULT_CONFIG_PATHS, isConfName, orderConfFiles } from './confdirs.ts';
import { type ConfigPart, parseConfigFile } from './config.ts';
import { parseKcmdline } from './kcmdline.ts';
import { type Config, mergeConfig } from './configset.ts';

function* listing(host: KmodHost, log: Logger, path: string): UserGen<ConfListing> {
  const ents = yield* host.listDir(path);
  if (typeof ents === 'number') {
    if (ents === -ENOTDIR) return { path, kind: 'file' };
    if (ents !== -ENOENT) yield* log.kmod(LOG_ERR, 'conf_files_list', `opendir(${path}): ${strerror(-ents)}\n`);
    return { path, kind: 'missing' };
  }
  const entries: { name: string; type: 'file' | 'dir' | 'unstat' }[] = [];
  for (const e of ents) {
    // Only candidate names are stat()ed, and d_type spares most of those.
    if (!isConfName(e.name)) continue;
    if (e.type === DT_REG) {
      entries.push({ name: e.name, type: 'file' });
    } else if (e.type === DT_DIR) {
      entries.push({ name: e.name, type: 'dir' });
    } else {
      const st = yield* host.stat(`${path}/${e.name}`);
      entries.push({ name: e.name, type: typeof st === 'number' ? 'unstat' : S_ISDIR(st.mode) ? 'dir' : 'file' });
    }
  }
  return { path, kind: 'dir', entries };
}

/** Build the configuration. `configPaths` null means the default search list. */
export function* loadConfig(host: KmodHost, log: Logger, dirname: string, configPaths: readonly string[] | null): UserGen<Config> {
  const listings: ConfListing[] = [];
  for (const p of configPaths ?? DEFAULT_CONFIG_PATHS) listings.push(yield* listing(host, log, p));
  const { files, errors } = orderConfFiles(dirname, listings);
  for (const e of errors) yield* log.kmod(LOG_ERR, e.fn, `${e.text}\n`);
  const parts: ConfigPart[] = [];
  for (const f of files) {
    const content = yield* host.readFile(f.path);
    if (typeof content === 'number') continue;
    const part = parseConfigFile(content, f.path);
    for (const e of part.errors) yield* log.kmod(LOG_ERR, e.fn, `${e.text}\n`);
    parts.push(part);
  }
  const cmdline = yield* host.readFile('/proc/cmdline');
  if (typeof cmdline === 'string') {
    const part = parseKcmdline(cmdline);
    for (const e of part.errors) yield* log.kmod(LOG_ERR, e.fn, `${e.text}\n`);
    parts.push(part);
  }
  return mergeConfig(parts);
}

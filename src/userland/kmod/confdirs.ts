// Which modprobe.d files are read, and in what order (libkmod's conf_files_list() and
// conf_files_insert_sorted()). Every file of every directory joins one list sorted by file name
// with strcmp(); a name already in the list is ignored, so the directory searched first wins.
// `modules.softdep` and `modules.weakdep` of the module directory are inserted first, under those
// names, so they sort among the .conf files and are read even with -C.

/** The default search list, highest priority first (kmod >= 32 with the default distconfdir). */
export const DEFAULT_CONFIG_PATHS = [
  '/etc/modprobe.d',
  '/run/modprobe.d',
  '/usr/local/lib/modprobe.d',
  '/usr/lib/modprobe.d',
  '/lib/modprobe.d',
];

/** What the host found at one search path. */
export type ConfListing =
  | { path: string; kind: 'missing' }
  | { path: string; kind: 'file' }
  | { path: string; kind: 'dir'; entries: { name: string; type: 'file' | 'dir' | 'unstat' }[] };

export interface ConfFile {
  /** The sort key: the file's base name. */
  name: string;
  /** The path opened (and named in error messages). */
  path: string;
}

/** conf_files_filter_out()'s name test: `*.conf` with at least one character before, no dot-files. */
export function isConfName(name: string): boolean {
  return name[0] !== '.' && name.length >= 6 && name.endsWith('.conf');
}

function insertSorted(list: ConfFile[], file: ConfFile): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].name < file.name) lo = mid + 1;
    else hi = mid;
  }
  if (lo < list.length && list[lo].name === file.name) return;
  list.splice(lo, 0, file);
}

export function orderConfFiles(moddir: string, listings: ConfListing[]): { files: ConfFile[]; errors: { fn: string; text: string }[] } {
  const files: ConfFile[] = [];
  const errors: { fn: string; text: string }[] = [];
  insertSorted(files, { name: 'modules.softdep', path: `${moddir}/modules.softdep` });
  insertSorted(files, { name: 'modules.weakdep', path: `${moddir}/modules.weakdep` });
  for (const l of listings) {
    if (l.kind === 'missing') continue;
    if (l.kind === 'file') {
      insertSorted(files, { name: l.path.slice(l.path.lastIndexOf('/') + 1), path: l.path });
      continue;
    }
    for (const e of l.entries) {
      if (!isConfName(e.name)) continue;
      if (e.type === 'unstat') {
        errors.push({ fn: 'conf_files_filter_out', text: `Cannot stat directory entry: ${l.path}/${e.name}` });
        continue;
      }
      if (e.type === 'dir') {
        errors.push({ fn: 'conf_files_filter_out', text: `Directories inside directories are not supported: ${l.path}/${e.name}` });
        continue;
      }
      insertSorted(files, { name: e.name, path: `${l.path}/${e.name}` });
    }
  }
  return { files, errors };
}

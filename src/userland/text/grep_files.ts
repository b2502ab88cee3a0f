// Which files grep searches: --include/--exclude and --exclude-dir as gnulib's exclude.c
// applies them (grep.c's skipped_file()).
import { fnmatch } from '../../lib/fnmatch.ts';

/**
 * exclude_fnmatch(): names in a recursive walk match whole (the entry's own name); a name given
 * on the command line also matches by any part after a '/' (grep adds those patterns without
 * EXCLUDE_ANCHORED).
 */
function globMatch(glob: string, name: string, commandLine: boolean): boolean {
  if (fnmatch(glob, name)) return true;
  if (!commandLine) return false;
  for (let i = 0; i < name.length; i++) if (name[i] === '/' && name[i + 1] !== '/' && fnmatch(glob, name.slice(i + 1))) return true;
  return false;
}

/**
 * excluded_file_name(): runs of --include or of --exclude form segments, the last given first;
 * the first segment with a matching pattern decides. When none matches, a name is excluded
 * exactly when the first option given was --include.
 */
export function fileExcluded(filters: readonly { glob: string; include: boolean }[], path: string, commandLine: boolean): boolean {
  if (!filters.length) return false;
  const name = commandLine ? path : path.slice(path.lastIndexOf('/') + 1);
  for (let end = filters.length; end > 0;) {
    let start = end - 1;
    while (start > 0 && filters[start - 1].include === filters[end - 1].include) start--;
    for (let i = start; i < end; i++) if (globMatch(filters[i].glob, name, commandLine)) return !filters[i].include;
    end = start;
  }
  return filters[0].include;
}

export function dirExcluded(globs: readonly string[], path: string, commandLine: boolean): boolean {
  const name = commandLine ? path : path.slice(path.lastIndexOf('/') + 1);
  return globs.some((g) => globMatch(g, name, commandLine));
}

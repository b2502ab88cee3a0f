// Option parsing for the core utilities: glibc getopt_long (src/userland/text/getopt.ts) plus
// GNU's common --help/--version handling and the usage-error epilogue.
import type { UserGen } from '../../uapi/syscalls.ts';
import { getoptLong } from '../text/getopt.ts';
import type { LongOpt, OptSpec, ParsedOpt } from '../text/getopt.ts';
import { writeAll } from '../lib/io.ts';
import { tryHelp } from './common.ts';

export type { LongOpt, ParsedOpt };

export const L = (key: string, has: LongOpt['has'] = 'none'): LongOpt => ({ key, has });

export interface ToolInfo {
  /** The tool's name for --version. */
  name: string;
  /** The name in "Try 'NAME --help'": coreutils use argv[0] (the default), util-linux its short name. */
  tryName?: string;
  /** --help text: "Usage: ..." and a summary (we keep GNU's first lines, not the whole page). */
  help: string;
  /** The package line for --version, e.g. "GNU coreutils 9.1". */
  pkg?: string;
}

export type Parsed = { opts: ParsedOpt[]; operands: string[] } | { exit: number };

/** The AUTHORS line of each coreutils program's --version. */
const AUTHORS: Record<string, string> = {
  cat: 'Torbjorn Granlund and Richard M. Stallman', echo: 'Brian Fox and Chet Ramey', ls: 'Richard M. Stallman and David MacKenzie',
  cp: 'Torbjorn Granlund, David MacKenzie, and Jim Meyering', mv: 'Mike Parker, David MacKenzie, and Jim Meyering',
  rm: 'Paul Rubin, David MacKenzie, Richard M. Stallman, and Jim Meyering', mkdir: 'David MacKenzie', rmdir: 'David MacKenzie',
  touch: 'Paul Rubin, Arnold Robbins, Jim Kingdon, David MacKenzie, and Randy Smith', ln: 'Mike Parker and David MacKenzie', readlink: 'Dmitry V. Levin', realpath: 'Padraig Brady',
  chmod: 'David MacKenzie and Jim Meyering', head: 'David MacKenzie and Jim Meyering',
  tail: 'Paul Rubin, David MacKenzie, Ian Lance Taylor, and Jim Meyering', tee: 'Mike Parker, Richard M. Stallman, and David MacKenzie',
  env: 'Richard Mlynarik, David MacKenzie, and Assaf Gordon', '[': 'Kevin Braunsdorf and Matthew Bradburn',
  test: 'Kevin Braunsdorf and Matthew Bradburn', sleep: 'Jim Meyering and Paul Eggert', pwd: 'Jim Meyering',
  basename: 'David MacKenzie', dirname: 'David MacKenzie and Jim Meyering', date: 'David MacKenzie', stat: 'Michael Meskes',
  id: 'Arnold Robbins and David MacKenzie', uname: 'David MacKenzie', printf: 'David MacKenzie', yes: 'David MacKenzie',
  true: 'Jim Meyering', false: 'Jim Meyering',
  mktemp: 'Jim Meyering and Eric Blake', whoami: 'Richard Mlynarik', printenv: 'David MacKenzie and Richard Mlynarik',
  tac: 'Jay Lepreau and David MacKenzie', paste: 'David M. Ihnat and David MacKenzie', nl: 'Scott Bartram and David MacKenzie',
  comm: 'Richard M. Stallman and David MacKenzie', fold: 'David MacKenzie', truncate: 'Padraig Brady', join: 'Mike Haertel',
  md5sum: 'Ulrich Drepper, Scott Miller, and David Madore', sha256sum: 'Ulrich Drepper, Scott Miller, and David Madore',
  cksum: 'Padraig Brady and Q. Frank Xia', dd: 'Paul Rubin, David MacKenzie, and Stuart Kemp',
  du: 'Torbjorn Granlund, David MacKenzie, Paul Eggert, and Jim Meyering',
};

export function versionText(name: string, pkg = 'GNU coreutils 9.1'): string {
  if (pkg.startsWith('GNU coreutils')) {
    return `${name} (GNU coreutils) 9.1\nCopyright (C) 2022 Free Software Foundation, Inc.\n` +
      'License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n' +
      'This is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n' +
      (AUTHORS[name] ? `\nWritten by ${AUTHORS[name]}.\n` : '');
  }
  return `${name} from ${pkg}\n`;
}

/**
 * getopt_long with --help and --version added. Usage errors print glibc's message and
 * "Try 'NAME --help'..." and give `{exit: usageStatus}`; --help/--version print and give 0.
 */
export function* parseArgs(argv: readonly string[], spec: OptSpec, info: ToolInfo, usageStatus = 1): UserGen<Parsed> {
  const long = { ...(spec.long ?? {}), help: L('\u0001help'), version: L('\u0001version') };
  const r = getoptLong(argv[0] ?? info.name, argv, { ...spec, long });
  if (!r.ok) {
    yield* writeAll(2, r.message);
    yield* tryHelp(info.tryName ?? argv[0] ?? info.name);
    return { exit: usageStatus };
  }
  for (const o of r.opts) {
    if (o.key === '\u0001help') {
      yield* writeAll(1, info.help);
      return { exit: 0 };
    }
    if (o.key === '\u0001version') {
      yield* writeAll(1, versionText(info.name, info.pkg));
      return { exit: 0 };
    }
  }
  return { opts: r.opts, operands: r.operands };
}

/** A numeric option argument: a decimal count, or null when invalid. */
export function parseCount(s: string): number | null {
  return /^\+?\d+$/.test(s.trim()) ? Number(s.trim()) : null;
}

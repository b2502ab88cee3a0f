// Option parsing for the core utilities: glibc getopt_long (src/userland/text/getopt.ts) plus
// GNU's common --help/--version handling and the usage-error epilogue.
import type { UserGen } from '../../uapi/syscalls.ts';
import { getoptLong } from '../text/getopt.ts';
import type { GetoptResult, LongOpt, OptSpec, ParsedOpt } from '../text/getopt.ts';
import { writeAll } from '../lib/io.ts';
import { tryHelp } from './common.ts';
import { AUTHORS, GNU_HELP, OTHER_VERSION, SHORT_NAMED } from './help_texts_gnu.ts';

export type { LongOpt, ParsedOpt };

export const L = (key: string, has: LongOpt['has'] = 'none'): LongOpt => ({ key, has });

export interface ToolInfo {
  /** The tool's name for --version. */
  name: string;
  /** The name in "Try 'NAME --help'": coreutils use argv[0] (the default), util-linux its short name. */
  tryName?: string;
  /** Options getopt accepts that the program answers with usage (failure): "Try ..." alone. */
  usageKeys?: readonly string[];
}

export type Parsed = { opts: ParsedOpt[]; operands: string[] } | { exit: number };

function shortName(argv0: string): string {
  return argv0.slice(argv0.lastIndexOf('/') + 1);
}

/** The program's name as its usage() prints it: argv[0], or its last part for util-linux and the like. */
function selfName(name: string, argv0: string): string {
  return SHORT_NAMED.has(name) ? shortName(argv0) : argv0;
}

/** The --help text recorded from the real program (help_texts_gnu.ts), with this argv[0]. */
export function helpText(name: string, argv0: string = name): string {
  const text = GNU_HELP[name];
  if (!text) throw new Error(`no --help text for ${name}`);
  return text(selfName(name, argv0));
}

/** The --version text: coreutils' version_etc() boilerplate and AUTHORS, or the program's own. */
export function versionText(name: string, argv0: string = name): string {
  const other = OTHER_VERSION[name];
  if (other) return other(selfName(name, argv0));
  return `${name} (GNU coreutils) 9.1\nCopyright (C) 2022 Free Software Foundation, Inc.\n` +
    'License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n' +
    'This is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n' +
    (AUTHORS[name] ? `\nWritten by ${AUTHORS[name]}.\n` : '');
}

/** The options getopt_long returns before it reports the error `message`. */
function optsBefore(prog: string, argv: readonly string[], spec: OptSpec, message: string): ParsedOpt[] {
  let good: ParsedOpt[] = [];
  for (let n = 1; n <= argv.length; n++) {
    const r = getoptLong(prog, argv.slice(0, n), spec);
    if (r.ok) good = r.opts;
    else if (r.message === message) break;
  }
  return good;
}

/**
 * getopt_long for a program that handles each option as it comes (GNU's `while (getopt_long
 * ...)` loop): when an option that ends the program (`exits`: --help, --version) comes before a
 * bad one, the options up to it, as if all were fine; the program never sees the bad one.
 */
export function getoptUntilExit(prog: string, argv: readonly string[], spec: OptSpec, exits: readonly string[] = ['help', 'version']): GetoptResult {
  const r = getoptLong(prog, argv, spec);
  if (r.ok) return r;
  const before = optsBefore(prog, argv, spec, r.message);
  return before.some((o) => exits.includes(o.key)) ? { ok: true, opts: before, operands: [] } : r;
}

/**
 * getopt_long with --help and --version added. Usage errors print glibc's message and
 * "Try 'NAME --help'..." and give `{exit: usageStatus}`; --help/--version print and give 0.
 * GNU handles each option as getopt_long returns it, so a --help or --version before a bad
 * option wins (`cat --help --bogus` prints the help). With only --help and --version (spec
 * short '' and no long options) this is also parse_gnu_standard_options_only(scan_all=true):
 * its single getopt_long call finds the first option anywhere, and every option ends the program.
 */
export function* parseArgs(argv: readonly string[], spec: OptSpec, info: ToolInfo, usageStatus = 1): UserGen<Parsed> {
  const long = { ...(spec.long ?? {}), help: L('\u0001help'), version: L('\u0001version') };
  const r = getoptUntilExit(argv[0] ?? info.name, argv, { ...spec, long }, ['\u0001help', '\u0001version']);
  for (const o of r.ok ? r.opts : []) {
    if (info.usageKeys?.includes(o.key)) {
      yield* tryHelp(info.tryName ?? argv[0] ?? info.name);
      return { exit: usageStatus };
    }
    if (o.key === '\u0001help') {
      yield* writeAll(1, helpText(info.name, argv[0] ?? info.name));
      return { exit: 0 };
    }
    if (o.key === '\u0001version') {
      yield* writeAll(1, versionText(info.name, argv[0] ?? info.name));
      return { exit: 0 };
    }
  }
  if (!r.ok) {
    yield* writeAll(2, r.message);
    yield* tryHelp(info.tryName ?? argv[0] ?? info.name);
    return { exit: usageStatus };
  }
  return { opts: r.opts, operands: r.operands };
}

/** A numeric option argument: a decimal count, or null when invalid. */
export function parseCount(s: string): number | null {
  return /^\+?\d+$/.test(s.trim()) ? Number(s.trim()) : null;
}

// modprobe's command line (tools/modprobe.c and tools/opt.c): the option tables, the
// MODPROBE_OPTIONS split, and how trailing arguments become one module-parameter string.
import type { LongOption } from './getopt.ts';

export const MODPROBE_SHORTOPTS = 'arw:RibfDcnC:d:S:sqvVh';

/** The long options in kmod's table order (getopt lists ambiguities in this order). */
export const MODPROBE_LONGOPTS: LongOption[] = [
  { name: 'all', hasArg: 0, val: 'a' },
  { name: 'remove', hasArg: 0, val: 'r' },
  { name: 'remove-dependencies', hasArg: 0, val: '#remove-dependencies' },
  { name: 'remove-holders', hasArg: 0, val: '#remove-holders' },
  { name: 'wait', hasArg: 1, val: 'w' },
  { name: 'resolve-alias', hasArg: 0, val: '#resolve-alias' },
  { name: 'show-alias', hasArg: 0, val: 'R' },
  { name: 'first-time', hasArg: 0, val: '#first-time' },
  { name: 'ignore-install', hasArg: 0, val: 'i' },
  { name: 'ignore-remove', hasArg: 0, val: 'i' },
  { name: 'use-blacklist', hasArg: 0, val: 'b' },
  { name: 'force', hasArg: 0, val: 'f' },
  { name: 'force-modversion', hasArg: 0, val: '#force-modversion' },
  { name: 'force-vermagic', hasArg: 0, val: '#force-vermagic' },
  { name: 'show-depends', hasArg: 0, val: 'D' },
  { name: 'showconfig', hasArg: 0, val: '#showconfig' },
  { name: 'show-config', hasArg: 0, val: 'c' },
  { name: 'show-modversions', hasArg: 0, val: '#show-modversions' },
  { name: 'dump-modversions', hasArg: 0, val: '#dump-modversions' },
  { name: 'show-exports', hasArg: 0, val: '#show-exports' },
  { name: 'dry-run', hasArg: 0, val: 'n' },
  { name: 'show', hasArg: 0, val: '#show' },
  { name: 'config', hasArg: 1, val: 'C' },
  { name: 'dirname', hasArg: 1, val: 'd' },
  { name: 'set-version', hasArg: 1, val: 'S' },
  { name: 'syslog', hasArg: 0, val: 's' },
  { name: 'quiet', hasArg: 0, val: 'q' },
  { name: 'verbose', hasArg: 0, val: 'v' },
  { name: 'version', hasArg: 0, val: 'V' },
  { name: 'help', hasArg: 0, val: 'h' },
];

/**
 * prepend_options_from_env(): MODPROBE_OPTIONS split on single spaces (so two spaces give an
 * empty word). A word that starts with a quote runs to the matching quote; a quote inside a
 * word groups up to its match and both quote characters are removed.
 */
export function splitModprobeOptions(env: string): string[] {
  const b = env.split('');
  const out: string[] = [];
  let end = b.length;
  let str = 0;
  let quote = -1;
  let s = 0;
  for (; s < end; s++) {
    if (quote < 0) {
      if (b[s] === ' ') {
        out.push(b.slice(str, s).join(''));
        str = s + 1;
      } else if (b[s] === '"' || b[s] === "'") {
        quote = s;
      }
    } else if (b[s] === b[quote]) {
      if (quote === str) {
        out.push(b.slice(str + 1, s).join(''));
        str = s + 1;
      } else {
        b.splice(s, 1);
        b.splice(quote, 1);
        end -= 2;
        s -= 2;
      }
      quote = -1;
    }
  }
  if (str < s) out.push(b.slice(str, s).join(''));
  return out;
}

/**
 * options_from_array(): module parameters joined by single spaces; `key=value` whose value has
 * a space and does not start with a quote becomes `key="value"`. null for no arguments.
 */
export function optionsFromArray(args: readonly string[]): string | null {
  if (args.length === 0) return null;
  return args
    .map((a) => {
      const eq = a.indexOf('=');
      if (eq < 0) return a;
      const value = a.slice(eq + 1);
      if (value[0] === '"' || value[0] === "'" || value.indexOf(' ') < 0) return a;
      return `${a.slice(0, eq + 1)}"${value}"`;
    })
    .join(' ');
}

export const MODPROBE_HELP = (p: string): string =>
  'Usage:\n' +
  `\t${p} [options] [-i] [-b] modulename\n` +
  `\t${p} [options] -a [-i] [-b] modulename [modulename...]\n` +
  `\t${p} [options] -r [-i] modulename\n` +
  `\t${p} [options] -r -a [-i] modulename [modulename...]\n` +
  `\t${p} [options] -c\n` +
  `\t${p} [options] --show-modversions filename\n` +
  'Management Options:\n' +
  '\t-a, --all                   Consider every non-argument to\n' +
  '\t                            be a module name to be inserted\n' +
  '\t                            or removed (-r)\n' +
  '\t-r, --remove                Remove modules instead of inserting\n' +
  '\t    --remove-holders        Also remove module holders (use together with -r)\n' +
  '\t-w, --wait MSEC             When removing a module, wait up to MSEC for\n' +
  "\t                            module's refcount to become 0 so it can be\n" +
  '\t                            removed (use together with -r)\n' +
  '\t    --first-time            Fail if module already inserted or removed\n' +
  '\t-i, --ignore-install        Ignore install commands\n' +
  '\t-i, --ignore-remove         Ignore remove commands\n' +
  '\t-b, --use-blacklist         Apply blacklist to resolved alias.\n' +
  '\t-f, --force                 Force module insertion or removal.\n' +
  '\t                            implies --force-modversion and\n' +
  '\t                            --force-vermagic\n' +
  "\t    --force-modversion      Ignore module's version\n" +
  "\t    --force-vermagic        Ignore module's version magic\n" +
  '\n' +
  'Query Options:\n' +
  '\t-R, --show-alias            Print module(s) matching given alias and exit\n' +
  '\t-D, --show-depends          Print module dependencies and exit\n' +
  '\t-c, --show-config           Print known configuration and exit\n' +
  '\t    --show-modversions      Print module symbol version and exit\n' +
  '\t    --show-exports          Print module exported symbol versions and exit\n' +
  '\n' +
  'General Options:\n' +
  '\t-n, --dry-run               Do not execute operations, just print out\n' +
  '\t-C, --config FILE           Use FILE instead of default search paths\n' +
  '\t-d, --dirname DIR           Use DIR as filesystem root for /lib/modules\n' +
  '\t-S, --set-version VERSION   Use VERSION instead of $(uname -r)\n' +
  '\t-s, --syslog                print to syslog, not stderr\n' +
  '\t-q, --quiet                 disable messages\n' +
  '\t-v, --verbose               enables more messages\n' +
  '\t-V, --version               show version\n' +
  '\t-h, --help                  show this help\n';

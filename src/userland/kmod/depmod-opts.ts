// depmod's option table and help text (tools/depmod.c).
import type { LongOption } from './getopt.ts';

export const DEPMOD_LONGOPTS: LongOption[] = [
  { name: 'all', hasArg: 0, val: 'a' },
  { name: 'quick', hasArg: 0, val: 'A' },
  { name: 'basedir', hasArg: 1, val: 'b' },
  { name: 'moduledir', hasArg: 1, val: 'm' },
  { name: 'outdir', hasArg: 1, val: 'o' },
  { name: 'config', hasArg: 1, val: 'C' },
  { name: 'symvers', hasArg: 1, val: 'E' },
  { name: 'filesyms', hasArg: 1, val: 'F' },
  { name: 'errsyms', hasArg: 0, val: 'e' },
  { name: 'verbose', hasArg: 0, val: 'v' },
  { name: 'show', hasArg: 0, val: 'n' },
  { name: 'dry-run', hasArg: 0, val: 'n' },
  { name: 'symbol-prefix', hasArg: 1, val: 'P' },
  { name: 'warn', hasArg: 0, val: 'w' },
  { name: 'version', hasArg: 0, val: 'V' },
  { name: 'help', hasArg: 0, val: 'h' },
];

export const DEPMOD_HELP = (p: string): string =>
  'Usage:\n' +
  `\t${p} -[aA] [options] [forced_version]\n` +
  '\n' +
  'If no arguments (except options) are given, "depmod -a" is assumed\n' +
  '\n' +
  'depmod will output a dependency list suitable for the modprobe utility.\n' +
  '\n' +
  'Options:\n' +
  '\t-a, --all            Probe all modules\n' +
  "\t-A, --quick          Only does the work if there's a new module\n" +
  '\t-e, --errsyms        Report not supplied symbols\n' +
  '\t-n, --show           Write the dependency file on stdout only\n' +
  '\t-P, --symbol-prefix  Architecture symbol prefix\n' +
  '\t-C, --config PATH    Read configuration from PATH\n' +
  '\t-v, --verbose        Enable verbose mode\n' +
  '\t-w, --warn           Warn on duplicates\n' +
  '\t-V, --version        show version\n' +
  '\t-h, --help           show this help\n' +
  '\n' +
  'The following options are useful for people managing distributions:\n' +
  '\t-b, --basedir DIR    Root path (default: /).\n' +
  '\t-m, --moduledir DIR  Module directory (default: /lib/modules).\n' +
  '\t-o, --outdir DIR     Output root path (default: same as <basedir>).\n' +
  '\t-F, --filesyms FILE  Use the file instead of the\n' +
  '\t                     current kernel symbols.\n' +
  '\t-E, --symvers FILE   Use Module.symvers file to check\n' +
  '\t                     symbol versions.\n';

// GNU true and false: the exit status, and --help/--version only as the sole argument; ncurses
// clear; GNU yes.
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { strerror } from '../../uapi/errno.ts';
import { writeAll } from '../lib/io.ts';
import { cpu } from '../lib/sys.ts';
import { helpText, parseArgs, versionText } from './opts.ts';

function status(name: 'true' | 'false', code: number) {
  return function* ({ argv }: ProgramArgs): UserGen {
    if (argv.length === 2 && argv[1] === '--help') {
      yield* writeAll(1, helpText(name, argv[0]));
    } else if (argv.length === 2 && argv[1] === '--version') {
      yield* writeAll(1, versionText(name));
    }
    return code;
  };
}

export const trueProg = status('true', 0);
export const falseProg = status('false', 1);

/** ncurses clear: home, erase the screen, and (unless -x) the scrollback (E3). */
export function* clear({ argv }: ProgramArgs): UserGen {
  let scrollback = true;
  for (const a of argv.slice(1)) {
    if (a === '-x') scrollback = false;
    else if (a === '-V') {
      yield* writeAll(1, 'ncurses 6.4.20221231\n');
      return 0;
    } else {
      yield* writeAll(2, `${argv[0]}: invalid option -- '${a.replace(/^-/, '')[0] ?? ''}'\n${helpText('clear', argv[0])}`);
      return 1;
    }
  }
  yield* writeAll(1, `\x1b[H\x1b[2J${scrollback ? '\x1b[3J' : ''}`);
  return 0;
}

/**
 * GNU yes: its operands (or "y") forever, written in large blocks as yes.c does. Options go
 * through parse_gnu_standard_options_only(scan_all=true): the first option anywhere is --help,
 * --version (or an abbreviation) or a usage error, and a "--" drops out of the operands.
 */
export function* yes({ argv }: ProgramArgs): UserGen {
  const p = yield* parseArgs(argv, { short: '' }, { name: 'yes' });
  if ('exit' in p) return p.exit;
  const args = p.operands;
  const line = `${args.length ? args.join(' ') : 'y'}\n`;
  const block = line.repeat(Math.max(1, Math.floor(8192 / line.length)));
  for (;;) {
    const n = yield* writeAll(1, block);
    if (n < 0) {
      yield* writeAll(2, `${argv[0]}: standard output: ${strerror(-n)}\n`);
      return 1;
    }
    yield* cpu(block.length);
  }
}

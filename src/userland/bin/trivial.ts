// GNU true and false: the exit status, and --help/--version only as the sole argument.
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { strerror } from '../../uapi/errno.ts';
import { writeAll } from '../lib/io.ts';
import { cpu } from '../lib/sys.ts';
import { versionText } from './opts.ts';
import { gnuFooter } from './gnu_help.ts';

function status(name: 'true' | 'false', code: number) {
  return function* ({ argv }: ProgramArgs): UserGen {
    if (argv.length === 2 && argv[1] === '--help') {
      yield* writeAll(1, `Usage: ${argv[0]} [ignored command line arguments]\n  or:  ${argv[0]} OPTION\n` +
        `Exit with a status code indicating ${code ? 'failure' : 'success'}.\n\n` +
        '      --help        display this help and exit\n      --version     output version information and exit\n\n' +
        `NOTE: your shell may have its own version of ${name}, which usually supersedes\n` +
        "the version described here.  Please refer to your shell's documentation\nfor details about the options it supports.\n\n" +
        gnuFooter(name));
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
      yield* writeAll(2, `${argv[0]}: invalid option -- '${a.replace(/^-/, '')[0] ?? ''}'\nUsage: clear [options]\n`);
      return 1;
    }
  }
  yield* writeAll(1, `\x1b[H\x1b[2J${scrollback ? '\x1b[3J' : ''}`);
  return 0;
}

/** GNU yes: its operands (or "y") forever, written in large blocks as yes.c does. */
export function* yes({ argv }: ProgramArgs): UserGen {
  if (argv.length === 2 && (argv[1] === '--help' || argv[1] === '--version')) {
    yield* writeAll(1, argv[1] === '--help' ? `Usage: ${argv[0]} [STRING]...\n  or:  ${argv[0]} OPTION\nRepeatedly output a line with all specified STRING(s), or 'y'.\n` : versionText('yes'));
    return 0;
  }
  let args = argv.slice(1);
  if (args[0] === '--') args = args.slice(1);
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

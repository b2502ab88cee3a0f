// GNU true and false: the exit status, and --help/--version only as the sole argument.
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { writeAll } from '../lib/io.ts';
import { versionText } from './opts.ts';

function status(name: 'true' | 'false', code: number) {
  return function* ({ argv }: ProgramArgs): UserGen {
    if (argv.length === 2 && argv[1] === '--help') {
      yield* writeAll(1, `Usage: ${argv[0]} [ignored command line arguments]\n  or:  ${argv[0]} OPTION\n` +
        `Exit with a status code indicating ${code ? 'failure' : 'success'}.\n\n` +
        '      --help        display this help and exit\n      --version     output version information and exit\n');
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

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

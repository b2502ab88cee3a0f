// GNU sed 4.9's command line and entry point: sedMain(argv) runs the whole program over the
// TextReq protocol (textio.ts); the wrapper only performs the requests and exits with the result.
import { strerror } from '../../uapi/errno.ts';
import { getoptLong } from './getopt.ts';
import type { LongOpt } from './getopt.ts';
import { SedCompileError, compileSed } from './sed_parse.ts';
import type { ScriptPiece } from './sed_parse.ts';
import { runSed } from './sed_exec.ts';
import type { SedRunOptions } from './sed_exec.ts';
import { RecordReader } from './textio.ts';
import type { TextGen } from './textio.ts';

export const SED_HELP = "Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n  -n, --quiet, --silent\n                 suppress automatic printing of pattern space\n      --debug\n                 annotate program execution\n  -e script, --expression=script\n                 add the script to the commands to be executed\n  -f script-file, --file=script-file\n                 add the contents of script-file to the commands to be executed\n  --follow-symlinks\n                 follow symlinks when processing in place\n  -i[SUFFIX], --in-place[=SUFFIX]\n                 edit files in place (makes backup if SUFFIX supplied)\n  -l N, --line-length=N\n                 specify the desired line-wrap length for the `l' command\n  --posix\n                 disable all GNU extensions.\n  -E, -r, --regexp-extended\n                 use extended regular expressions in the script\n                 (for portability use POSIX -E).\n  -s, --separate\n                 consider files as separate rather than as a single,\n                 continuous long stream.\n      --sandbox\n                 operate in sandbox mode (disable e/r/w commands).\n  -u, --unbuffered\n                 load minimal amounts of data from the input files and flush\n                 the output buffers more often\n  -z, --null-data\n                 separate lines by NUL characters\n      --help     display this help and exit\n      --version  output version information and exit\n\nIf no -e, --expression, -f, or --file option is given, then the first\nnon-option argument is taken as the sed script to interpret.  All\nremaining arguments are names of input files; if no input files are\nspecified, then the standard input is read.\n\nGNU sed home page: <https://www.gnu.org/software/sed/>.\nGeneral help using GNU software: <https://www.gnu.org/gethelp/>.\nE-mail bug reports to: <bug-sed@gnu.org>.\n";

export const SED_VERSION = "sed (GNU sed) 4.9\nPackaged by Debian\nCopyright (C) 2022 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by Jay Fenlason, Tom Lord, Ken Pizzini,\nPaolo Bonzini, Jim Meyering, and Assaf Gordon.\n\nThis sed program was built with SELinux support.\nSELinux is disabled on this system.\n\nGNU sed home page: <https://www.gnu.org/software/sed/>.\nGeneral help using GNU software: <https://www.gnu.org/gethelp/>.\nE-mail bug reports to: <bug-sed@gnu.org>.\n";

/** usage(EXIT_BAD_USAGE): the help without the bug-report line. */
const SED_USAGE = SED_HELP.replace('E-mail bug reports to: <bug-sed@gnu.org>.\n', '');

const L = (key: string, has: LongOpt['has'] = 'none'): LongOpt => ({ key, has });
// sed.c's table order (glibc lists ambiguous abbreviations in this order).
const LONG: Record<string, LongOpt> = {
  binary: L('b'), 'regexp-extended': L('r'), debug: L('debug'), 'in-place': L('i', 'optional'),
  expression: L('e', 'required'), file: L('f', 'required'), 'line-length': L('l', 'required'),
  'null-data': L('z'), 'zero-terminated': L('z'), quiet: L('n'), posix: L('posix'), silent: L('n'),
  sandbox: L('sandbox'), separate: L('s'), unbuffered: L('u'), version: L('version'), help: L('help'),
  'follow-symlinks': L('follow-symlinks'),
};

function* err(text: string): TextGen<void> {
  yield { op: 'out', fd: 2, data: text };
}

/** Run sed with `argv`; returns the exit status (0, 1 usage/script error, 2 unreadable input, q N). */
export function* sedMain(argv: readonly string[]): TextGen<number> {
  const r = getoptLong('sed', argv, { short: 'bsnrzuEe:f:l:i::', long: LONG });
  if (!r.ok) {
    yield* err(r.message + SED_USAGE);
    return 1;
  }
  const o: SedRunOptions = { quiet: false, separate: false, inPlace: null, nullData: false, lineWrap: 70, posix: false };
  let extended = false;
  let sandbox = false;
  const pieces: ScriptPiece[] = [];
  let eCount = 0;
  for (const { key, value = '' } of r.opts) {
    switch (key) {
      case 'n': o.quiet = true; break;
      case 'r': case 'E': extended = true; break;
      case 's': o.separate = true; break;
      case 'z': o.nullData = true; break;
      case 'posix': o.posix = true; break;
      case 'sandbox': sandbox = true; break;
      case 'i': o.inPlace = value; o.separate = true; break;
      case 'l':
        o.lineWrap = parseInt(value, 10) || 0; // atoi(), as sed.c does
        break;
      case 'e': pieces.push({ text: value, origin: { kind: 'e', n: ++eCount } }); break;
      case 'f': {
        const rd = new RecordReader(value);
        let text = '';
        while (!(yield* rd.atEnd())) { text += rd.pending; rd.consume(rd.pending.length); }
        if (rd.error) {
          yield* err(`sed: couldn't open file ${value}: ${strerror(rd.error)}\n`);
          return 4;
        }
        pieces.push({ text: text.endsWith('\n') ? text.slice(0, -1) : text, origin: { kind: 'f', name: value } });
        break;
      }
      case 'help':
        yield { op: 'out', fd: 1, data: SED_HELP };
        return 0;
      case 'version':
        yield { op: 'out', fd: 1, data: SED_VERSION };
        return 0;
      // --debug's annotated program and per-cycle trace are not produced here.
      case 'debug':
        yield { op: 'out', fd: 2, data: 'sed: option --debug is not supported here\n' };
        return 1;
      default:
        break; // -b, -u, --follow-symlinks: nothing to do here
    }
  }
  const files = [...r.operands];
  if (!pieces.length) {
    if (!files.length) {
      yield* err(SED_USAGE);
      return 1;
    }
    pieces.push({ text: files.shift()!, origin: { kind: 'e', n: 1 } });
  }
  if (o.inPlace !== null && !files.length) {
    yield* err('sed: no input files\n');
    return 4;
  }
  let prog;
  try {
    prog = compileSed(pieces, { extended, sandbox });
  } catch (e) {
    if (!(e instanceof SedCompileError)) throw e;
    yield* err(`sed: ${e.message}\n`);
    return e.status;
  }
  return yield* runSed(prog, files, o);
}

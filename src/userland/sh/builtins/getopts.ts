// getopts optstring var [arg...], after dash's options.c getopts(): the next option from the
// positional parameters (or the given words), OPTIND/OPTARG, "Illegal option -x" and
// "No arg for -x option" unless the optstring starts with ':'.
import type { UserGen } from '../../../uapi/syscalls.ts';
import { ShError } from '../errors.ts';
import { err2 } from '../output.ts';
import type { ShState } from '../state.ts';
import { setvar, unsetvar } from '../vars.ts';
import { register } from './table.ts';

/** getopts optstring var [arg...]: dash's getopts() with its optind/optoff state. */
function* getoptscmd(sh: ShState, argv: string[]): UserGen<number> {
  if (argv.length < 3) throw new ShError('Usage: getopts optstring var [arg...]');
  let optbase: string[];
  if (argv.length === 3) {
    optbase = sh.params;
    if (sh.optind > sh.params.length + 1) {
      sh.optind = 1;
      sh.optoff = -1;
    }
  } else {
    optbase = argv.slice(3);
    if (sh.optind > argv.length - 2) {
      sh.optind = 1;
      sh.optoff = -1;
    }
  }
  const optstr = argv[1];
  const optvar = argv[2];
  const ind0 = sh.optind;
  const off = sh.optoff;
  let c = '?';
  let done = 0;
  sh.optind = -1;
  // optnext: index of the next word; p: the word being scanned and the offset in it.
  let optnext = ind0 - 1;
  let pw: string | null = null;
  let po = 0;
  if (!(ind0 <= 1 || off < 0 || (optbase[optnext - 1] ?? '').length < off)) {
    pw = optbase[optnext - 1];
    po = off;
  }
  out: {
    if (pw === null || po >= pw.length) {
      const w = optbase[optnext];
      if (w === undefined || w[0] !== '-' || w.length === 1) {
        pw = null;
        done = 1;
        break out;
      }
      optnext++;
      if (w === '--') {
        pw = null;
        done = 1;
        break out;
      }
      pw = w;
      po = 1;
    }
    c = pw[po++];
    let k = optstr.indexOf(c);
    if (!sh.bash) {
      // dash's getopts(): step over option letters, skipping the ':' after one, so a leading
      // ':' (or one after "x:") is itself an option letter.
      for (k = 0; k < optstr.length && optstr[k] !== c;) if (optstr[++k] === ':') k++;
      if (k >= optstr.length) k = -1;
    }
    if (k < 0 || (sh.bash && c === ':')) {
      if (optstr[0] === ':') setvar(sh, 'OPTARG', c);
      else {
        yield* err2(`Illegal option -${c}\n`);
        unsetvar(sh, 'OPTARG');
      }
      c = '?';
      break out;
    }
    if (optstr[k + 1] === ':') {
      if (po >= pw.length) {
        const a = optbase[optnext];
        if (a === undefined) {
          pw = null;
          if (optstr[0] === ':') {
            setvar(sh, 'OPTARG', c);
            c = ':';
          } else {
            yield* err2(`No arg for -${c} option\n`);
            unsetvar(sh, 'OPTARG');
            c = '?';
          }
          break out;
        }
        optnext++;
        setvar(sh, 'OPTARG', a);
      } else setvar(sh, 'OPTARG', pw.slice(po));
      pw = null;
    } else setvar(sh, 'OPTARG', '');
  }
  const ind = optnext + 1;
  setvar(sh, 'OPTIND', String(ind));
  setvar(sh, optvar, c);
  sh.optoff = pw !== null ? po : -1;
  sh.optind = ind;
  return done;
}

register('getopts', 'u', getoptscmd);

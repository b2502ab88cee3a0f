// ls 9.1 decode_switches(): the option table (long_options, in ls.c's order so abbreviations
// resolve as there), the effect of each switch, then the block sizes, format and time style
// that follow from them.
import type { UserGen } from '../../uapi/syscalls.ts';
import { writeAll } from '../lib/io.ts';
import { xargmatch, WHEN } from './argmatch.ts';
import { tryHelp, warn } from './common.ts';
import { human_autoscale, human_base_1024, human_SI } from './df_table.ts';
import { parseBlockSize } from './df_units.ts';
import type { LsOpts } from './ls_types.ts';
import { L } from './opts.ts';
import type { ParsedOpt } from './opts.ts';
import { quoteC } from './quote.ts';

export const LS_SHORT = 'abcdfghiklmnopqrstuvw:xABCDFGHI:LNQRST:UXZ1';
export const LS_LONG = {
  all: L('a'), escape: L('b'), 'ignore-backups': L('B'), directory: L('d'), dired: L('D'), 'full-time': L('full-time'),
  'group-directories-first': L('gdf'), 'human-readable': L('h'), inode: L('i'), kibibytes: L('k'), 'numeric-uid-gid': L('n'),
  'no-group': L('G'), 'hide-control-chars': L('q'), reverse: L('r'), size: L('s'), width: L('w', 'required'), 'almost-all': L('A'),
  ignore: L('I', 'required'), 'indicator-style': L('indicator-style', 'required'), dereference: L('L'), literal: L('N'),
  'quote-name': L('Q'), 'quoting-style': L('quoting-style', 'required'), recursive: L('R'), format: L('format', 'required'),
  'show-control-chars': L('show-control-chars'), sort: L('sort', 'required'), tabsize: L('T', 'required'), time: L('time', 'required'),
  'time-style': L('time-style', 'required'), zero: L('zero'), color: L('color', 'optional'), hyperlink: L('hyperlink', 'optional'),
  'block-size': L('block-size', 'required'), context: L('Z'), author: L('author'), classify: L('F', 'optional'),
  'file-type': L('file-type'), si: L('si'), 'dereference-command-line': L('H'),
  'dereference-command-line-symlink-to-dir': L('deref-dir'), hide: L('hide', 'required'),
};

const SORTS = [['none'], ['time'], ['size'], ['extension'], ['version'], ['width']];
const SORT_OF = ['none', 'time', 'size', 'extension', 'version', 'width'] as const;
const FORMATS = [['verbose', 'long'], ['commas'], ['horizontal', 'across'], ['vertical'], ['single-column']];
const FORMAT_OF = ['long', 'commas', 'across', 'columns', 'one'] as const;
const TIMES = [['atime', 'access', 'use'], ['ctime', 'status'], ['birth', 'creation']];
const INDICATORS = [['none'], ['slash'], ['file-type'], ['classify']];
const INDICATOR_OF = ['none', 'slash', 'file-type', 'classify'] as const;
const QUOTING = [['literal'], ['shell'], ['shell-always'], ['shell-escape'], ['shell-escape-always'], ['c'], ['c-maybe'], ['escape'],
  ['locale'], ['clocale']];
const TIME_STYLES = ['full-iso', 'long-iso', 'iso', 'locale'];

/** What decode gives ls besides its LsOpts. */
export interface Decoded { o: LsOpts; width: number | null }

/** Sets `o` from the options; the exit status (2) after a diagnostic, or the line width asked for. */
export function* decodeSwitches(prog: string, opts: readonly ParsedOpt[], o: LsOpts, tty: boolean, timeStyleEnv: string | undefined): UserGen<number | { width: number | null }> {
  let width: number | null = null;
  let format: LsOpts['format'] | null = null;
  let timeStyle: string | undefined;
  let kibibytes = false;
  let blockSet = false;
  let explicitTime = false;
  let sort: LsOpts['sort'] | null = null;
  let dired = false;
  let quotingName: string | null = null;
  for (const opt of opts) {
    const { key, value = '' } = opt;
    const given = opt.value !== undefined;
    switch (key) {
      case 'a': o.all = 'all'; break;
      case 'A': o.all = 'almost'; break;
      case 'b': o.quoting = 'escape'; quotingName = 'escape'; break;
      case 'c': o.time = 'ctime'; explicitTime = true; break;
      case 'u': o.time = 'atime'; explicitTime = true; break;
      case 'd': o.directory = true; break;
      // ls 9.1: -a and -U, and it turns off a -l or -s given before it (not after).
      case 'f':
        o.all = 'all';
        sort = 'none';
        if (format === 'long') format = tty ? 'columns' : 'one';
        o.size = false;
        o.hyperlink = null;
        break;
      case 'file-type': o.indicator = 'file-type'; break;
      case 'g': format = 'long'; o.owner = false; break;
      case 'h': o.blocks = o.fileSize = { size: 1, opts: human_autoscale | human_SI | human_base_1024 }; blockSet = true; break;
      case 'si': o.blocks = o.fileSize = { size: 1, opts: human_autoscale | human_SI }; blockSet = true; break;
      case 'block-size': {
        const u = parseBlockSize(value);
        if (typeof u === 'string') {
          yield* warn(prog, u.replace('%s', '--block-size').replace('%a', value));
          return 2;
        }
        o.blocks = o.fileSize = u;
        blockSet = true;
        break;
      }
      case 'i': o.inode = true; break;
      case 'k': kibibytes = true; break;
      case 'l': format = 'long'; break;
      case 'm': format = 'commas'; break;
      case 'n': format = 'long'; o.numeric = true; break;
      case 'o': format = 'long'; o.group = false; break;
      case 'p': o.indicator = 'slash'; break;
      case 'q': o.qmark = true; break;
      case 'show-control-chars': o.qmark = false; break;
      case 'r': o.reverse = true; break;
      case 's': o.size = true; break;
      case 't': sort = 'time'; break;
      case 'v': sort = 'version'; break;
      case 'S': sort = 'size'; break;
      case 'U': sort = 'none'; break;
      case 'X': sort = 'extension'; break;
      case 'w': {
        // decode_line_length(): 0 or too large is no limit.
        const m = /^\s*\+?(\d+)$/.exec(value);
        if (!m) {
          yield* warn(prog, `invalid line width: ${quoteC(value)}`);
          return 2;
        }
        width = Number(m[1]) || Infinity;
        break;
      }
      case 'T':
        if (!/^\s*\+?\d+$/.test(value)) {
          yield* warn(prog, `invalid tab size: ${quoteC(value)}`);
          return 2;
        }
        o.tabsize = Number(value.trim().replace(/^\+/, ''));
        break;
      case 'x': format = 'across'; break;
      case 'C': format = 'columns'; break;
      case '1': if (format !== 'long') format = 'one'; break;
      case 'B': o.ignore.push('*~', '.*~'); break;
      case 'I': o.ignore.push(value); break;
      case 'hide': o.hide.push(value); break;
      case 'D': dired = true; break;
      case 'F': {
        const i = given ? yield* xargmatch(prog, '--classify', value, WHEN) : 0;
        if (i < 0) return 1; // argmatch_die is usage (EXIT_FAILURE)
        if (i === 0 || (i === 2 && tty)) o.indicator = 'classify';
        break;
      }
      case 'G': o.group = false; break;
      case 'H': o.derefArgs = 'all'; break;
      case 'deref-dir': o.derefArgs = 'dirs'; break;
      case 'L': o.dereference = true; break;
      case 'N': o.quoting = 'literal'; quotingName = 'literal'; break;
      case 'Q': o.quoting = 'c'; quotingName = 'c'; break;
      case 'R': o.recursive = true; break;
      case 'Z': o.context = true; break;
      case 'author': o.author = true; break;
      case 'gdf': o.dirsFirst = true; break;
      case 'full-time': format = 'long'; timeStyle = 'full-iso'; break;
      case 'time-style': timeStyle = value; break;
      case 'zero':
        o.eol = '\0';
        o.qmark = false;
        if (format !== 'long') format = 'one';
        o.quoting = 'literal';
        quotingName = 'literal';
        break;
      case 'sort': {
        const i = yield* xargmatch(prog, '--sort', value, SORTS);
        if (i < 0) return 1; // argmatch_die is usage (EXIT_FAILURE)
        sort = SORT_OF[i];
        break;
      }
      case 'format': {
        const i = yield* xargmatch(prog, '--format', value, FORMATS);
        if (i < 0) return 1; // argmatch_die is usage (EXIT_FAILURE)
        format = FORMAT_OF[i];
        break;
      }
      case 'time': {
        const i = yield* xargmatch(prog, '--time', value, TIMES);
        if (i < 0) return 1; // argmatch_die is usage (EXIT_FAILURE)
        o.time = i === 0 ? 'atime' : i === 1 ? 'ctime' : 'birth';
        explicitTime = true;
        break;
      }
      case 'indicator-style': {
        const i = yield* xargmatch(prog, '--indicator-style', value, INDICATORS);
        if (i < 0) return 1; // argmatch_die is usage (EXIT_FAILURE)
        o.indicator = INDICATOR_OF[i];
        break;
      }
      case 'quoting-style': {
        const i = yield* xargmatch(prog, '--quoting-style', value, QUOTING);
        if (i < 0) return 1; // argmatch_die is usage (EXIT_FAILURE)
        const name = QUOTING[i][0];
        o.quoting = name === 'c' ? 'c' : name === 'escape' ? 'escape' : name.startsWith('shell') ? 'shell' : 'literal';
        quotingName = name;
        break;
      }
      case 'color': {
        const i = given ? yield* xargmatch(prog, '--color', value, WHEN) : 0;
        if (i < 0) return 1; // argmatch_die is usage (EXIT_FAILURE)
        break; // Never colours: Debian's ls has none without the shell alias, and no LS_COLORS here.
      }
      case 'hyperlink': {
        const i = given ? yield* xargmatch(prog, '--hyperlink', value, WHEN) : 0;
        if (i < 0) return 1; // argmatch_die is usage (EXIT_FAILURE)
        o.hyperlink = i === 0 || (i === 2 && tty) ? '' : null;
        break;
      }
      default: break;
    }
  }
  // ls.c after the loop: LS_BLOCK_SIZE/BLOCK_SIZE are not read here (no such variables are set
  // by anything in this machine); -k matters only when no size option was given.
  if (!blockSet && kibibytes) o.blocks = { size: 1024, opts: 0 };
  o.format = format ?? (tty ? 'columns' : 'one');
  // --dired only acts with the long format and without --hyperlink.
  o.dired = dired && o.format === 'long' && o.hyperlink === null;
  if (o.dired && o.eol === '\0') {
    yield* warn(prog, '--dired and --zero are incompatible');
    return 2;
  }
  o.quotingName = quotingName ?? (tty ? 'shell-escape' : 'literal');
  // An explicit time (-c, -u, --time) without -l sorts by it.
  o.sort = sort ?? (o.format !== 'long' && explicitTime ? 'time' : 'name');
  if (o.format === 'long') {
    let style = timeStyle ?? timeStyleEnv ?? 'locale';
    // "posix-STYLE" means STYLE only outside the POSIX locale: here it is always the C locale.
    if (style.startsWith('posix-')) style = 'locale';
    if (style.startsWith('+')) {
      const f = style.slice(1).split('\n');
      if (f.length > 2) {
        yield* warn(prog, `invalid time style format ${quoteC(style.slice(1))}`);
        return 2;
      }
      o.timeFormats = [f[0], f[1] ?? f[0]];
    } else {
      const r = TIME_STYLES.filter((s) => s.startsWith(style));
      const i = TIME_STYLES.includes(style) ? TIME_STYLES.indexOf(style) : r.length === 1 ? TIME_STYLES.indexOf(r[0]) : -1;
      if (i < 0) {
        yield* warn(prog, `${r.length > 1 ? 'ambiguous' : 'invalid'} argument ${quoteC(style)} for 'time style'`);
        yield* writeAll(2, `Valid arguments are:\n${TIME_STYLES.map((s) => `  - [posix-]${s}\n`).join('')}` +
          "  - +FORMAT (e.g., +%H:%M) for a 'date'-style format\n");
        yield* tryHelp(prog);
        return 2;
      }
      o.timeFormats = [
        ['%Y-%m-%d %H:%M:%S.%N %z', '%Y-%m-%d %H:%M', '%Y-%m-%d ', '%b %e  %Y'][i],
        ['%Y-%m-%d %H:%M:%S.%N %z', '%Y-%m-%d %H:%M', '%m-%d %H:%M', '%b %e %H:%M'][i],
      ];
    }
  }
  return { width };
}

// `kmod static-nodes` (tools/static-nodes.c): modules.devname of the running kernel, as text
// for people, for systemd-tmpfiles, or in the devname format.
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { EISDIR, ENOENT, ENOTDIR, strerror } from '../../uapi/errno.ts';
import { S_ISDIR } from '../../uapi/fcntl.ts';
import type { KmodHost } from './host.ts';
import { scanU32 } from './scanf.ts';
import type { LongOption } from './getopt.ts';
import { getopts } from './tool.ts';

/** PATH_MAX: the size of the fgets() buffer, so longer lines come in pieces of 4095 bytes. */
const PATH_MAX = 4096;

/** fgets(buf, size, in) over a whole file, each piece read as the C string it becomes. */
function fgets(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length;) {
    const nl = text.indexOf('\n', i);
    const end = Math.min(nl < 0 ? text.length : nl + 1, i + size - 1);
    const piece = text.slice(i, end);
    const nul = piece.indexOf('\0');
    out.push(nul < 0 ? piece : piece.slice(0, nul));
    i = end;
  }
  return out;
}

const isSpace = (c: string | undefined): boolean => c !== undefined && ' \t\n\v\f\r'.includes(c);

/**
 * sscanf(buf, "%s %s %c%u:%u", ...) == 5 with type c or b, else null. %u skips blanks, takes a
 * sign and decimal digits the way strtoul() does (too big: ULONG_MAX; negative: wrapped), and
 * the unsigned int keeps the low 32 bits; the ':' must follow the digits at once.
 */
export function scanDevname(buf: string): { mod: string; dev: string; type: string; maj: number; min: number } | null {
  let i = 0;
  const skip = () => { while (isSpace(buf[i])) i++; };
  const word = (): string | null => {
    skip();
    const at = i;
    while (i < buf.length && !isSpace(buf[i])) i++;
    return i > at ? buf.slice(at, i) : null;
  };
  const uint = (): number | null => {
    const r = scanU32(buf, i);
    if (r === null) return null;
    i = r[1];
    return r[0];
  };
  const mod = word();
  const dev = mod === null ? null : word();
  if (dev === null) return null;
  skip();
  if (i >= buf.length) return null;
  const type = buf[i++];
  const maj = uint();
  if (maj === null || buf[i++] !== ':') return null;
  const min = uint();
  if (min === null || (type !== 'c' && type !== 'b')) return null;
  return { mod: mod!, dev, type, maj, min };
}

/** mkdir_parents() (shared/util.c): a parent that exists but is no directory is ENOTDIR. */
function* mkdirParents(host: KmodHost, path: string): UserGen<number> {
  const end = path.lastIndexOf('/');
  if (end <= 0) return 0;
  // mkdir_p() walks back from the whole parent to the first component that stat() finds.
  let p = path.slice(0, end);
  for (;;) {
    const st = yield* host.stat(p);
    if (typeof st !== 'number') {
      if (!S_ISDIR(st.mode)) return -ENOTDIR;
      break;
    }
    const cut = p.replace(/\/*[^/]*$/, '');
    if (cut === p || cut === '') break;
    p = cut;
  }
  return yield* host.mkdirP(path.slice(0, end));
}

type Writer = (mod: string, dev: string, type: string, maj: number, min: number) => string;

const FORMATS: { name: string; write: Writer; description: string }[] = [
  {
    name: 'human',
    description: '(default) a human readable format. Do not parse.',
    write: (mod, dev, type, maj, min) =>
      `Module: ${mod}\n\tDevice node: /dev/${dev}\n\t\tType: ${type === 'c' ? 'character' : 'block'} device\n\t\tMajor: ${maj}\n\t\tMinor: ${min}\n`,
  },
  {
    name: 'tmpfiles',
    description: 'the tmpfiles.d(5) format used by systemd-tmpfiles.',
    write: (_mod, dev, type, maj, min) => {
      const slash = dev.lastIndexOf('/');
      return `${slash >= 0 ? `d /dev/${dev.slice(0, slash)} 0755 - - -\n` : ''}${type}! /dev/${dev} 0600 - - - ${maj}:${min}\n`;
    },
  },
  { name: 'devname', description: 'the modules.devname format.', write: (mod, dev, type, maj, min) => `${mod} ${dev} ${type}${maj}:${min}\n` },
];

const LONGOPTS: LongOption[] = [
  { name: 'output', hasArg: 1, val: 'o' },
  { name: 'format', hasArg: 1, val: 'f' },
  { name: 'help', hasArg: 0, val: 'h' },
];

const help = (p: string): string =>
  `Usage:\n\t${p} static-nodes [options]\n\n` +
  'kmod static-nodes outputs the static-node information of the currently running kernel.\n\n' +
  'Options:\n' +
  '\t-f, --format FORMAT  choose format to use: see "Formats"\n' +
  '\t-o, --output FILE    write output to file\n' +
  '\t-h, --help           show this help\n\n' +
  'Formats:\n' +
  FORMATS.map((f) => `\t${f.name.padEnd(12)} ${f.description}\n`).join('');

export function* staticNodes(args: ProgramArgs, host: KmodHost, prog: string): UserGen {
  const { opts } = yield* getopts(host, args, 'o:f:h', LONGOPTS);
  let output: string | null = null;
  let format = FORMATS[0];
  for (const o of opts) {
    if (o.opt === 'o') {
      output = o.arg;
    } else if (o.opt === 'f') {
      const f = FORMATS.find((x) => x.name === o.arg);
      if (!f) {
        yield* host.write(2, `Unknown format: '${o.arg}'.\n`);
        yield* host.write(1, help(prog));
        return 1;
      }
      format = f;
    } else if (o.opt === 'h') {
      yield* host.write(1, help(prog));
      return 0;
    } else {
      return 1;
    }
  }
  const rel = (yield* host.uname()).release;
  let input = yield* host.readFile(`/lib/modules/${rel}/modules.devname`);
  // fopen() opens a directory fine; its first fgets() fails, which ends the loop at once.
  if (input === -EISDIR) input = '';
  if (typeof input === 'number') {
    if (input === -ENOENT) {
      yield* host.write(2, `Warning: /lib/modules/${rel}/modules.devname not found - ignoring\n`);
      return 0;
    }
    yield* host.write(2, `Error: could not open /lib/modules/${rel}/modules.devname - ${strerror(-input)}\n`);
    return 1;
  }
  // The output file is made (and truncated) before the first line is read.
  if (output !== null) {
    const r = yield* mkdirParents(host, output);
    if (r < 0) {
      yield* host.write(2, `Error: could not create parent directory for ${output} - ${strerror(-r)}.\n`);
      return 1;
    }
    const w = yield* host.writeFile(output, '', 0o644);
    if (w < 0) {
      yield* host.write(2, `Error: could not create ${output} - ${strerror(-w)}\n`);
      return 1;
    }
  }
  let out = '';
  let ret = 0;
  for (const buf of fgets(input, PATH_MAX)) {
    if (buf[0] === '#') continue;
    const e = scanDevname(buf);
    if (e === null) {
      yield* host.write(2, `Error: invalid devname entry: ${buf}`);
      ret = 1;
      continue;
    }
    out += format.write(e.mod, e.dev, e.type, e.maj, e.min);
  }
  if (output === null) yield* host.write(1, out);
  else yield* host.writeFile(output, out, 0o644);
  return ret;
}

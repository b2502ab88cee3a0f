// `kmod static-nodes` (tools/static-nodes.c): modules.devname of the running kernel, as text
// for people, for systemd-tmpfiles, or in the devname format.
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { ENOENT, strerror } from '../../uapi/errno.ts';
import type { KmodHost } from './host.ts';
import type { LongOption } from './getopt.ts';
import { getopts } from './tool.ts';

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
  const input = yield* host.readFile(`/lib/modules/${rel}/modules.devname`);
  if (typeof input === 'number') {
    if (input === -ENOENT) {
      yield* host.write(2, `Warning: /lib/modules/${rel}/modules.devname not found - ignoring\n`);
      return 0;
    }
    yield* host.write(2, `Error: could not open /lib/modules/${rel}/modules.devname - ${strerror(-input)}\n`);
    return 1;
  }
  let out = '';
  let ret = 0;
  for (const line of input.split(/(?<=\n)/)) {
    if (line === '' || line[0] === '#') continue;
    const m = /^\s*(\S+)\s+(\S+)\s*(\S)(\d+):(\d+)/.exec(line);
    if (!m || (m[3] !== 'c' && m[3] !== 'b')) {
      yield* host.write(2, `Error: invalid devname entry: ${line}`);
      ret = 1;
      continue;
    }
    out += format.write(m[1], m[2], m[3], Number(m[4]), Number(m[5]));
  }
  if (output === null) {
    yield* host.write(1, out);
  } else {
    const slash = output.lastIndexOf('/');
    if (slash > 0) yield* host.mkdirP(output.slice(0, slash));
    const r = yield* host.writeFile(output, out, 0o644);
    if (r < 0) {
      yield* host.write(2, `Error: could not create ${output} - ${strerror(-r)}\n`);
      return 1;
    }
  }
  return ret;
}

// The kmod multiplexer (tools/kmod.c). Called as `kmod`, it takes -h/-V and a command (help,
// list, static-nodes); called through a symlink or copy named modprobe, insmod, rmmod, lsmod,
// modinfo or depmod, it runs that tool. Any other name does nothing and exits 1, as kmod does.
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import type { KmodHost } from './host.ts';
import type { LongOption } from './getopt.ts';
import { getopts } from './tool.ts';
import { basename } from './names.ts';
import { KMOD_VERSION_TEXT } from './version.ts';
import { modprobeMain } from './modprobe.ts';
import { insmodMain } from './insmod.ts';
import { rmmodMain } from './rmmod.ts';
import { lsmodMain } from './lsmod.ts';
import { modinfoMain } from './modinfo.ts';
import { depmodMain } from './depmod.ts';
import { staticNodes } from './static-nodes.ts';

type Main = (args: ProgramArgs, host: KmodHost) => UserGen;

/** The compat tools, in kmod's help order. */
const COMPAT: [string, Main, string][] = [
  ['lsmod', lsmodMain, 'compat lsmod command'],
  ['rmmod', rmmodMain, 'compat rmmod command'],
  ['insmod', insmodMain, 'compat insmod command'],
  ['modinfo', modinfoMain, 'compat modinfo command'],
  ['modprobe', modprobeMain, 'compat modprobe command'],
  ['depmod', depmodMain, 'compat depmod command'],
];

const COMMANDS: [string, string][] = [
  ['help', 'show help message'],
  ['list', 'list currently loaded modules'],
  ['static-nodes', 'output the static-node information installed with the currently running kernel'],
];

const LONGOPTS: LongOption[] = [
  { name: 'help', hasArg: 0, val: 'h' },
  { name: 'version', hasArg: 0, val: 'V' },
];

export function kmodHelp(prog: string): string {
  return 'kmod - Manage kernel modules: list, load, unload, etc\n' +
    `Usage:\n\t${prog} [options] command [command_options]\n\n` +
    'Options:\n\t-V, --version     show version\n\t-h, --help        show this help\n\n' +
    'Commands:\n' +
    COMMANDS.map(([n, h]) => `  ${n.padEnd(12)} ${h}\n`).join('') +
    '\nkmod also handles gracefully if called from following symlinks:\n' +
    COMPAT.map(([n, , h]) => `  ${n.padEnd(12)} ${h}\n`).join('');
}

function* commands(args: ProgramArgs, host: KmodHost, prog: string): UserGen {
  const { opts, operands } = yield* getopts(host, args, '+hV', LONGOPTS);
  for (const o of opts) {
    if (o.opt === 'h') {
      yield* host.write(1, kmodHelp(prog));
      return 0;
    }
    if (o.opt === 'V') {
      yield* host.write(1, KMOD_VERSION_TEXT);
      return 0;
    }
    return 1;
  }
  if (operands.length === 0) {
    yield* host.write(2, 'missing command\n');
    yield* host.write(1, kmodHelp(prog));
    return 1;
  }
  const cmd = operands[0];
  // kmod_cmds[i]->cmd(--argc, ++argv): the command's getopt sees argv shifted by one, so its
  // errors say `static-nodes: invalid option -- 'x'`; log lines and help texts use
  // program_invocation_short_name and still say `kmod`. Options of kmod itself all return
  // before this, so argv[1] is the command, or `--` (whose getopt then names `--`).
  const sub: ProgramArgs = { argv: args.argv.slice(1), envp: args.envp };
  if (cmd === 'help') {
    yield* host.write(1, kmodHelp(prog));
    return 0;
  }
  if (cmd === 'list') return yield* lsmodMain(sub, host, prog);
  if (cmd === 'static-nodes') return yield* staticNodes(sub, host, prog);
  yield* host.write(2, `invalid command '${cmd}'\n`);
  yield* host.write(1, kmodHelp(prog));
  return 1;
}

export function* kmodMain(args: ProgramArgs, host: KmodHost): UserGen {
  const prog = basename(args.argv[0] ?? '');
  if (prog === 'kmod') return yield* commands(args, host, prog);
  const tool = COMPAT.find(([n]) => n === prog);
  return tool ? yield* tool[1](args, host) : 1;
}

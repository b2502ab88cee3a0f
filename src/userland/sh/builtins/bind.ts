// bash's bind (builtins/bind.def) over the line editor's keys: -l -p -P -v -V -s -S -q -u -r -f
// -m, -x/-X and "keyseq: function" bindings. A shell without line editing warns and goes on,
// as bash does ("bind: warning: line editing not enabled").
// Simplified: the editor acts on a key bound to one of the functions it has (bindtable.ts);
// -x commands are stored and listed but the editor does not run them; macros are not kept.
import type { UserGen } from '../../../uapi/syscalls.ts';
import { strerror } from '../../../uapi/errno.ts';
import { readFile } from '../../lib/io.ts';
import { RL_FUNCTIONS, RL_VARIABLES } from '../bindtable.ts';
import { invokingKeyseqs, keyseqName, translateKeyseq } from '../keymap.ts';
import { out1, warnx } from '../output.ts';
import type { ShState } from '../state.ts';
import { lookupvar } from '../vars.ts';
import { NextOpt } from './nextopt.ts';
import { register } from './table.ts';

const KEYMAPS = ['emacs', 'emacs-standard', 'emacs-meta', 'emacs-ctlx', 'vi', 'vi-move', 'vi-command', 'vi-insert'];

/** rl_function_dumper(): every function with its keys (-p) or in words (-P). */
function dumpFunctions(sh: ShState, readable: boolean): string {
  let s = '\n';
  for (const fn of RL_FUNCTIONS) {
    const keys = invokingKeyseqs(sh, fn).map(keyseqName);
    if (readable) {
      if (keys.length) for (const k of keys) s += `"${k}": ${fn}\n`;
      else s += `# ${fn} (not bound)\n`;
    } else if (keys.length) s += `${fn} can be found on ${fiveKeys(keys)}`;
    else s += `${fn} is not bound to any keys\n`;
  }
  return s;
}

/** At most five keys, then "..." on a line of its own. */
function fiveKeys(keys: string[]): string {
  let s = '';
  for (let j = 0; j < 5 && j < keys.length; j++) s += `"${keys[j]}"${j + 1 < keys.length ? ', ' : '.\n'}`;
  return keys.length > 5 ? `${s}...\n` : s;
}

function variables(sh: ShState): [string, string][] {
  // history-size follows the shell's history (none without it).
  const hist = sh.opts.i ? lookupvar(sh, 'HISTSIZE') ?? '500' : '0';
  return RL_VARIABLES.map(([n, v]) => [n, n === 'history-size' ? hist : v]);
}

/** rl_parse_and_bind() for "keyseq": function (the only form kept). */
function* parseAndBind(sh: ShState, line: string): UserGen<void> {
  const m = /^\s*"((?:[^"\\]|\\.)*)"\s*:\s*(\S*)/.exec(line);
  if (!m) return;
  const fn = m[2];
  if (!RL_FUNCTIONS.includes(fn)) {
    // readline's own complaint, on stderr without the shell's prefix.
    yield* warnx(sh, `\`${fn}': unknown function name`);
    return;
  }
  sh.keymap.set(translateKeyseq(m[1]), fn);
}

function* bindcmd(sh: ShState, argv: string[]): UserGen<number> {
  if (!sh.opts.i) yield* warnx(sh, 'warning: line editing not enabled');
  const o = new NextOpt(argv);
  let flags = '';
  const arg: Record<string, string> = {};
  for (let c; (c = o.next('lvpVPsSXf:q:u:m:r:x:'));) {
    flags += c;
    if ('fqumrx'.includes(c)) arg[c] = o.optarg;
  }
  let status = 0;
  if (arg.m !== undefined && !KEYMAPS.includes(arg.m)) {
    yield* warnx(sh, `\`${arg.m}': invalid keymap name`);
    return 1;
  }
  if (flags.includes('l')) out1(sh, RL_FUNCTIONS.map((f) => `${f}\n`).join(''));
  if (flags.includes('p')) out1(sh, dumpFunctions(sh, true));
  if (flags.includes('P')) out1(sh, dumpFunctions(sh, false));
  if (flags.includes('v')) for (const [n, v] of variables(sh)) out1(sh, `set ${n} ${v}\n`);
  if (flags.includes('V')) for (const [n, v] of variables(sh)) out1(sh, `${n} is set to \`${v}'\n`);
  if (arg.f !== undefined) {
    const text = yield* readFile(arg.f);
    if (typeof text === 'number') {
      yield* warnx(sh, `${arg.f}: cannot read: ${strerror(-text)}`);
      return 1;
    }
    for (const line of text.split('\n')) yield* parseAndBind(sh, line);
  }
  if (arg.q !== undefined) {
    if (!RL_FUNCTIONS.includes(arg.q)) { yield* warnx(sh, `\`${arg.q}': unknown function name`); status = 1; } else {
      const keys = invokingKeyseqs(sh, arg.q).map(keyseqName);
      if (!keys.length) { out1(sh, `${arg.q} is not bound to any keys.\n`); status = 1; } else out1(sh, `${arg.q} can be invoked via ${fiveKeys(keys)}`);
    }
  }
  if (arg.u !== undefined) {
    if (!RL_FUNCTIONS.includes(arg.u)) { yield* warnx(sh, `\`${arg.u}': unknown function name`); status = 1; } else {
      for (const k of invokingKeyseqs(sh, arg.u)) sh.keymap.set(k, null);
    }
  }
  if (arg.r !== undefined) {
    const raw = translateKeyseq(arg.r);
    sh.keymap.set(raw, null);
    sh.bindx.delete(raw);
    return 0;
  }
  if (arg.x !== undefined) {
    // bind_keyseq_to_unix_command(): "keyseq": command, or keyseq:command.
    const m = /^\s*"((?:[^"\\]|\\.)*)"\s*:?\s*(.*)$/.exec(arg.x) ?? /^([^:]*):\s*(.*)$/.exec(arg.x);
    if (!m) { yield* warnx(sh, `${arg.x}: missing colon separator`); status = 1; } else {
      const cmd = m[2].replace(/^"(.*)"$/, '$1');
      sh.bindx.set(translateKeyseq(m[1]), cmd);
    }
  }
  if (flags.includes('X')) for (const [k, c] of sh.bindx) out1(sh, `"${keyseqName(k)}": "${c}"\n`);
  for (const line of o.rest()) yield* parseAndBind(sh, line);
  return status;
}

register('bind', 'uB', bindcmd);

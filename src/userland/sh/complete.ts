// Tab completion for the line editor: a command name (builtins, keywords, functions, aliases and
// the files of each $PATH directory) in command position, a variable name after $ or ${,
// otherwise a file name. One match is
// completed (with '/' for a directory, ' ' otherwise); several complete their common prefix and
// are listed on a second Tab.
import type { UserGen } from '../../uapi/syscalls.ts';
import { S_ISDIR } from '../../uapi/fcntl.ts';
import { stat } from '../lib/sys.ts';
import { builtinNames } from './builtins/enable.ts';
import { KEYWORDS } from './builtins/core.ts';
import type { ShState } from './state.ts';
import { lookupvar } from './vars.ts';
import { genCompletions, readDir } from './compgen.ts';
import { DEFAULTCMD } from './compspec.ts';
import { COMP_RUNNER, completing } from './builtins/complete.ts';

export interface Completion {
  insert: string;
  /** Characters before the cursor the completion replaces (a -F reply need not extend the word). */
  erase?: number;
  choices: string[];
}

function* list(dir: string): UserGen<string[]> {
  return (yield* readDir(dir)).filter((n) => n !== '.' && n !== '..');
}

function commonPrefix(a: string[]): string {
  let p = a[0] ?? '';
  for (const s of a) while (!s.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** bash's programmable completion for the command's arguments: the compspec of the command
 * (or complete -D's), its words for the word being completed (-F functions see COMP_WORDS,
 * COMP_CWORD, COMP_LINE, COMP_POINT); null when there is no spec or it yields nothing and
 * asks for the default completion (-o default / bashdefault). */
function* programmable(sh: ShState, before: string, word: string): UserGen<Completion | null> {
  // The current simple command: what follows the last control operator.
  const start = Math.max(...[';', '|', '&', '(', '`'].map((c) => before.lastIndexOf(c))) + 1;
  const line = before.slice(start).replace(/^\s+/, '');
  const words = line.split(/[ \t]+/);
  const cmd = words[0];
  const stored = sh.compspecs.get(cmd) ?? sh.compspecs.get(DEFAULTCMD);
  if (!stored) return null;
  // compspec_copy(): compopt in the function changes this completion only.
  const cs = { ...stored, actions: new Set(stored.actions), options: new Set(stored.options) };
  const ctx = { line, point: line.length, words, cword: words.length - 1 };
  completing.cmd = cmd;
  completing.cs = cs;
  let list: string[];
  try {
    list = yield* genCompletions(sh, cs, cmd, word, COMP_RUNNER, ctx, words[words.length - 2] ?? '');
  } finally {
    completing.cs = null;
  }
  if (!list.length) {
    if (cs.options.has('default') || cs.options.has('bashdefault')) return null;
    return { insert: '', choices: [] };
  }
  if (!cs.options.has('nosort')) list = [...new Set(list)].sort();
  if (list.length > 1) return { insert: commonPrefix(list).slice(word.length), choices: list };
  let suffix = cs.options.has('nospace') ? '' : ' ';
  if (cs.options.has('filenames')) {
    const st = yield* stat(list[0]);
    if (typeof st !== 'number' && S_ISDIR(st.mode)) suffix = '/';
  }
  if (!list[0].startsWith(word)) return { insert: list[0] + suffix, erase: word.length, choices: list };
  return { insert: list[0].slice(word.length) + suffix, choices: list };
}

export function* complete(sh: ShState, before: string): UserGen<Completion> {
  const m = /(\S*)$/.exec(before)!;
  const word = m[1];
  const head = before.slice(0, before.length - word.length).trimEnd();
  const cmdPos = head === '' || /(\||;|&&|\|\||\(|`|\$\(|&|!|\b(then|do|else|if|while|until))$/.test(head);
  let matches: string[];
  let dirOf = '';
  let base = word;
  if (sh.bash && !cmdPos && sh.compspecs.size) {
    const r = yield* programmable(sh, before, word);
    if (r) return r;
  }
  const v = /\$\{?([A-Za-z_][A-Za-z0-9_]*)?$/.exec(word);
  if (v) {
    // $NAME and ${NAME: variable names.
    const part = v[1] ?? '';
    const names = [...sh.vars.keys()].filter((n) => n.startsWith(part) && sh.vars.get(n)!.v !== null).sort();
    if (names.length === 0) return { insert: '', choices: [] };
    const close = word.includes('${') ? '}' : '';
    if (names.length === 1) return { insert: `${names[0].slice(part.length)}${close}${close ? '' : ' '}`, choices: names };
    return { insert: commonPrefix(names).slice(part.length), choices: names };
  }
  if (cmdPos && !word.includes('/')) {
    const set = new Set<string>();
    for (const name of builtinNames(sh)) if (!sh.disabled.has(name)) set.add(name);
    for (const k of KEYWORDS) set.add(k);
    for (const f of sh.funcs.keys()) set.add(f);
    for (const a of sh.aliases.keys()) set.add(a);
    for (const dir of (lookupvar(sh, 'PATH') ?? '').split(':')) {
      for (const n of yield* list(dir)) set.add(n);
    }
    matches = [...set].filter((n) => n.startsWith(word)).sort();
  } else {
    const slash = word.lastIndexOf('/');
    dirOf = slash >= 0 ? word.slice(0, slash + 1) : '';
    base = word.slice(slash + 1);
    let dir = dirOf;
    if (dir.startsWith('~')) dir = (lookupvar(sh, 'HOME') ?? '') + dir.slice(1);
    matches = (yield* list(dir)).filter((n) => n.startsWith(base) && (base.startsWith('.') || n[0] !== '.')).sort();
  }
  if (matches.length === 0) return { insert: '', choices: [] };
  if (matches.length === 1) {
    const only = matches[0];
    let suffix = ' ';
    if (!(cmdPos && !word.includes('/'))) {
      let dir = dirOf;
      if (dir.startsWith('~')) dir = (lookupvar(sh, 'HOME') ?? '') + dir.slice(1);
      const st = yield* stat(dir + only);
      if (typeof st !== 'number' && S_ISDIR(st.mode)) suffix = '/';
    }
    return { insert: only.slice(base.length) + suffix, choices: matches };
  }
  return { insert: commonPrefix(matches).slice(base.length), choices: matches };
}

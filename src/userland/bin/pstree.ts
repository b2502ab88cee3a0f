// psmisc 23.6 pstree: the tree under init (or PID / USER), children sorted by name (-n: pid),
// identical subtrees compacted as N*[name], ASCII drawing in the C locale (-U: UTF-8), lines cut
// at the terminal width (COLUMNS, TIOCGWINSZ, else 132) with '+', -a arguments, -p pids,
// -g pgids, -u uid changes, -l no truncation. Threads and namespaces are not modelled.
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { Output, getenv } from './common.ts';
import { getWinsize } from '../lib/sys.ts';
import { getoptLong } from '../text/getopt.ts';
import { L } from './opts.ts';
import { readIdNames, readProcs } from './ps_proc.ts';

interface PNode { comm: string; pid: number; pgid: number; uid: number; args: string[] | null; children: PNode[]; parent: PNode | null }

interface Sym { empty: string; branch: string; vert: string; last: string; single: string; first: string }
const ASCII: Sym = { empty: '  ', branch: '|-', vert: '| ', last: '`-', single: '---', first: '-+-' };
const UTF: Sym = { empty: '  ', branch: '\u251c\u2500', vert: '\u2502 ', last: '\u2514\u2500', single: '\u2500\u2500\u2500', first: '\u2500\u252c\u2500' };

const USAGE = 'Usage: pstree [-acglpsStTuZ] [ -h | -H PID ] [ -n | -N type ]\n              [ -A | -G | -U ] [ PID | USER ]\n   or: pstree -V\n\n' +
  'Display a tree of processes.\n\n  -a, --arguments     show command line arguments\n  -A, --ascii         use ASCII line drawing characters\n' +
  "  -c, --compact-not   don't compact identical subtrees\n  -C, --color=TYPE    color process by attribute\n                      (age)\n" +
  '  -g, --show-pgids    show process group ids; implies -c\n  -G, --vt100         use VT100 line drawing characters\n' +
  '  -h, --highlight-all highlight current process and its ancestors\n  -H PID, --highlight-pid=PID\n' +
  "                      highlight this process and its ancestors\n  -l, --long          don't truncate long lines\n" +
  '  -n, --numeric-sort  sort output by PID\n  -N TYPE, --ns-sort=TYPE\n                      sort output by this namespace type\n' +
  '                              (cgroup, ipc, mnt, net, pid, time, user, uts)\n  -p, --show-pids     show PIDs; implies -c\n' +
  '  -s, --show-parents  show parents of the selected process\n  -S, --ns-changes    show namespace transitions\n' +
  '  -t, --thread-names  show full thread names\n  -T, --hide-threads  hide threads, show only processes\n' +
  '  -u, --uid-changes   show uid transitions\n  -U, --unicode       use UTF-8 (Unicode) line drawing characters\n' +
  '  -V, --version       display version information\n  -Z, --security-context\n                      show security attributes\n\n' +
  '  PID    start at this PID; default is 1 (init)\n  USER   show only trees rooted at processes of this user\n\n';

const LONG = {
  arguments: L('a'), ascii: L('A'), 'compact-not': L('c'), color: L('C', 'required'), vt100: L('G'), 'highlight-all': L('h'),
  'highlight-pid': L('H', 'required'), long: L('l'), 'numeric-sort': L('n'), 'ns-sort': L('N', 'required'), 'show-pids': L('p'),
  'show-pgids': L('g'), 'show-parents': L('s'), 'ns-changes': L('S'), 'thread-names': L('t'), 'hide-threads': L('T'),
  'uid-changes': L('u'), unicode: L('U'), version: L('V'), 'security-context': L('Z'),
};

class Printer {
  out = '';
  curX = 1;
  width: number[] = [];
  more: number[] = [];
  constructor(readonly outputWidth: number, readonly trunc: boolean) {}
  char(c: string): void {
    this.curX++;
    if (!this.trunc || this.curX <= this.outputWidth) this.out += c;
    else if (this.curX === this.outputWidth + 1) this.out += '+';
  }
  str(s: string): void {
    for (const c of s) this.char(c);
  }
  int(n: number): number {
    const s = String(n);
    this.str(s);
    return s.length;
  }
  newline(): void {
    this.out += '\n';
    this.curX = 1;
  }
  /** out_args(): printable bytes as they are, backslashes doubled, others as \ooo. */
  args(s: string): number {
    let n = 0;
    for (const c of s) {
      if (c === '\\') { this.str('\\\\'); n += 2; } else if (c >= ' ' && c <= '~') { this.char(c); n++; } else {
        this.str(`\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`);
        n += 4;
      }
    }
    return n;
  }
}

interface Flags { args: boolean; pids: boolean; pgids: boolean; uids: boolean; compact: boolean; sym: Sym; names: Map<number, string> }

function treeEqual(a: PNode, b: PNode, f: Flags): boolean {
  if (a.comm !== b.comm || (f.uids && a.uid !== b.uid)) return false;
  if (a.children.length !== b.children.length) return false;
  return a.children.every((c, i) => treeEqual(c, b.children[i], f));
}

function dump(pr: Printer, f: Flags, cur: PNode, level: number, rep: number, leaf: boolean, last: boolean, prevUid: number, closing: number): void {
  if (!leaf) {
    for (let lvl = 0; lvl < level; lvl++) {
      for (let i = pr.width[lvl] + 1; i; i--) pr.char(' ');
      pr.str(lvl === level - 1 ? (last ? f.sym.last : f.sym.branch) : pr.more[lvl + 1] ? f.sym.vert : f.sym.empty);
    }
  }
  let add = 0;
  if (rep >= 2) {
    add = pr.int(rep) + 2;
    pr.str('*[');
  }
  const swapped = f.args;
  let info = f.args ? 1 : 0;
  if (swapped && cur.args === null) pr.char('(');
  const commLen = pr.args(cur.comm);
  const offset = pr.curX;
  if (f.pids) { pr.char(info++ ? ',' : '('); pr.int(cur.pid); }
  if (f.pgids) { pr.char(info++ ? ',' : '('); pr.int(cur.pgid); }
  if (f.uids && prevUid !== cur.uid) {
    pr.char(info++ ? ',' : '(');
    pr.str(f.names.get(cur.uid) ?? String(cur.uid));
  }
  if ((swapped && cur.args === null) || (!swapped && info)) pr.char(')');
  if (f.args && cur.args) {
    cur.args.forEach((a, i) => {
      pr.char(' ');
      void i;
      const len = [...a].reduce((s, c) => s + (c >= ' ' && c <= '~' ? 1 : 4), 0);
      if (pr.curX + len <= pr.outputWidth - (i === cur.args!.length - 1 ? 0 : 4) || !pr.trunc) pr.args(a);
      else pr.str('...');
    });
  }
  if (f.args || !cur.children.length) {
    for (let i = 0; i < closing; i++) pr.char(']');
    pr.newline();
  }
  pr.more[level] = last ? 0 : 1;
  const kids = [...cur.children];
  if (f.args) {
    pr.width[level] = (swapped ? 1 : 0) + (commLen > 1 ? 0 : -1);
    for (let i = 0; i < kids.length; i++) dump(pr, f, kids[i], level + 1, 1, false, i === kids.length - 1, cur.uid, 0);
    return;
  }
  pr.width[level] = commLen + pr.curX - offset + add;
  if (pr.curX >= pr.outputWidth && pr.trunc) {
    pr.str(f.sym.first);
    pr.str('+');
    pr.newline();
    return;
  }
  let first = true;
  for (let i = 0; i < kids.length; i++) {
    let count = 0;
    if (f.compact) {
      for (let j = i + 1; j < kids.length;) {
        if (treeEqual(kids[i], kids[j], f)) {
          kids.splice(j, 1);
          count++;
        } else j++;
      }
    }
    const isLast = i === kids.length - 1;
    if (first) {
      pr.str(isLast ? f.sym.single : f.sym.first);
      first = false;
    }
    dump(pr, f, kids[i], level + 1, count + 1, i === 0, isLast, cur.uid, closing + (count ? 1 : 0));
  }
}

export function* pstree({ argv, envp }: ProgramArgs): UserGen {
  const out = new Output();
  const err = new Output(2);
  const r = getoptLong(argv[0], argv, { short: 'aAcC:GhH:nN:pglsStTuUVZ', long: LONG });
  if (!r.ok) {
    yield* err.put(r.message + USAGE);
    return yield* err.finish(argv[0], 1);
  }
  const f: Flags = { args: false, pids: false, pgids: false, uids: false, compact: true, sym: ASCII, names: new Map() };
  let byPid = false;
  let trunc = true;
  for (const { key } of r.opts) {
    switch (key) {
      case 'a': f.args = true; break;
      case 'A': case 'G': f.sym = ASCII; break;
      case 'U': f.sym = UTF; break;
      case 'c': f.compact = false; break;
      case 'p': f.pids = true; f.compact = false; break;
      case 'g': f.pgids = true; break;
      case 'u': f.uids = true; break;
      case 'n': byPid = true; break;
      case 'l': trunc = false; break;
      case 'V':
        yield* err.put('pstree (PSmisc) 23.6\nCopyright (C) 1993-2021 Werner Almesberger and Craig Small\n\n' +
          'PSmisc comes with ABSOLUTELY NO WARRANTY.\nThis is free software, and you are welcome to redistribute it under\n' +
          'the terms of the GNU General Public License.\nFor more information about these matters, see the files named COPYING.\n');
        return yield* err.finish(argv[0], 0);
      default: break;
    }
  }
  const ids = yield* readIdNames();
  f.names = ids.users;
  let rootPid = 1;
  let user: number | null = null;
  if (r.operands.length === 1) {
    const a = r.operands[0];
    if (/^\d/.test(a)) {
      if (!/^\d+$/.test(a)) {
        yield* err.put(USAGE);
        return yield* err.finish(argv[0], 1);
      }
      rootPid = Number(a);
    } else {
      const uid = [...ids.users.entries()].find(([, n]) => n === a)?.[0];
      if (uid === undefined) {
        yield* err.put(`No such user name: ${a}\n`);
        return yield* err.finish(argv[0], 1);
      }
      user = uid;
    }
  } else if (r.operands.length > 1) {
    yield* err.put(USAGE);
    return yield* err.finish(argv[0], 1);
  }
  // read_proc()/add_proc(): children kept sorted by name (then uid), or by pid with -n.
  const nodes = new Map<number, PNode>();
  const node = (pid: number): PNode => {
    let n = nodes.get(pid);
    if (!n) nodes.set(pid, (n = { comm: '?', pid, pgid: 0, uid: 0, args: null, children: [], parent: null }));
    return n;
  };
  for (const p of yield* readProcs()) {
    const n = node(p.pid);
    n.comm = p.comm;
    n.pgid = p.pgrp;
    n.uid = p.euid;
    n.args = p.argv.length ? p.argv.slice(1) : null;
    const parent = node(p.pid === p.ppid ? 0 : p.ppid);
    if (p.pid !== 0) {
      const i = parent.children.findIndex((c) => (byPid ? c.pid > n.pid : c.comm > n.comm || (c.comm === n.comm && c.uid > n.uid)));
      parent.children.splice(i < 0 ? parent.children.length : i, 0, n);
      n.parent = parent;
    }
  }
  const width = (() => {
    const c = getenv(envp, 'COLUMNS');
    return c && /^\d+$/.test(c) && Number(c) > 0 ? Number(c) : null;
  })() ?? (yield* (function* () { const ws = yield* getWinsize(1); return typeof ws !== 'number' && ws && ws.cols ? ws.cols : 132; })());
  const pr = new Printer(width, trunc);
  if (user === null) {
    const root = nodes.get(rootPid);
    if (root) dump(pr, f, root, 0, 1, true, true, 0, 0);
  } else {
    let dumped = false;
    const byUser = (n: PNode): void => {
      if (n.uid === user) {
        if (dumped) pr.out += '\n';
        dump(pr, f, n, 0, 1, true, true, user, 0);
        dumped = true;
        return;
      }
      for (const c of n.children) byUser(c);
    };
    const root = nodes.get(1);
    if (root) byUser(root);
    if (!dumped) {
      yield* err.put('No processes found.\n');
      return yield* err.finish(argv[0], 1);
    }
  }
  yield* out.put(pr.out);
  return yield* out.finish(argv[0], 0);
}

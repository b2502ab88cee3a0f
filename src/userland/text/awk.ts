// awk's command line (mawk 1.3.4's options) and entry point: awkMain(argv, env) runs the whole
// program over the TextReq protocol (textio.ts), so the wrapper only performs the requests.
import type { AwkProgram } from './awk_ast.ts';
import { AwkFatal, AwkMachine } from './awk_exec.ts';
import { AwkSyntaxError, unescapeAwk } from './awk_lex.ts';
import { parseAwk } from './awk_parse.ts';
import { checkTypes } from './awk_check.ts';
import { AwkRuntimeError } from './awk_state.ts';
import type { AwkArray } from './awk_state.ts';
import { fromInput } from './awk_value.ts';
import { strerror } from '../../uapi/errno.ts';
import { RecordReader } from './textio.ts';
import type { TextGen } from './textio.ts';

export const MAWK_USAGE = "Usage: mawk [Options] [Program] [file ...]\n\nProgram:\n    The -f option value is the name of a file containing program text.\n    If no -f option is given, a \"--\" ends option processing; the following\n    parameters are the program text.\n\nOptions:\n    -f program-file  Program  text is read from file instead of from the\n                     command-line.  Multiple -f options are accepted.\n    -F value         sets the field separator, FS, to value.\n    -v var=value     assigns value to program variable var.\n    --               unambiguous end of options.\n\n    Implementation-specific options are prefixed with \"-W\".  They can be\n    abbreviated:\n\n    -W version       show version information and exit.\n    -W dump          show assembler-like listing of program and exit.\n    -W help          show this message and exit.\n    -W interactive   set unbuffered output, line-buffered input.\n    -W exec file     use file as program as well as last option.\n    -W random=number set initial random seed.\n    -W sprintf=number adjust size of sprintf buffer.\n    -W posix_space   do not consider \"\\n\" a space.\n    -W usage         show this message and exit.\n";

/** -W version: what mawk prints on stdout and stderr. */
const MAWK_VERSION = ["mawk 1.3.4 20200120\nCopyright 2008-2019,2020, Thomas E. Dickey\nCopyright 1991-1996,2014, Michael D. Brennan\n\n", "random-funcs:       srandom/random\nregex-funcs:        internal\ncompiled limits:\nsprintf buffer      8192\nmaximum-integer     2147483647\n"];

export interface AwkEnv {
  /** The environment, for ENVIRON. */
  envp?: readonly string[];
  /** Seconds since the epoch, for srand() without an argument (virtual time). */
  now?: number;
}

const VAR_ASSIGN = /^([A-Za-z_][A-Za-z0-9_]*)=([^]*)$/;

/** Run awk; returns the exit status (exit N, 2 for syntax and run-time errors). */
export function* awkMain(argv: readonly string[], env: AwkEnv = {}): TextGen<number> {
  const progname = (argv[0] ?? 'awk').replace(/^.*\//, '');
  const err = function* (text: string): TextGen<void> { yield { op: 'out', fd: 2, data: text }; };
  let fs: string | null = null;
  const assigns: [string, string][] = [];
  const progFiles: string[] = [];
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { i++; break; }
    if (a.length < 2 || a[0] !== '-') break;
    const opt = a[1];
    const takeArg = (): string | null => (a.length > 2 ? a.slice(2) : i + 1 < argv.length ? argv[++i] : null);
    if (opt === 'F' || opt === 'v' || opt === 'f') {
      const v = takeArg();
      if (v === null) { yield* err(`${progname}: option -${opt} lacks argument\n`); return 2; }
      if (opt === 'F') fs = v;
      else if (opt === 'f') progFiles.push(v);
      else {
        const m = VAR_ASSIGN.exec(v);
        if (!m) { yield* err(`${progname}: improper assignment: -v ${v}\n`); return 2; }
        assigns.push([m[1], m[2]]);
      }
      continue;
    }
    if (opt === 'W') {
      const v = takeArg() ?? '';
      if (/^v/.test(v)) {
        yield { op: 'out', fd: 1, data: MAWK_VERSION[0] };
        yield { op: 'out', fd: 2, data: MAWK_VERSION[1] };
        return 0;
      }
      if (/^(h|u)/.test(v)) { yield { op: 'out', fd: 1, data: MAWK_USAGE }; return 0; }
      continue; // other -W options are accepted and ignored
    }
    yield* err(`${progname}: not an option: ${a}\n`);
    return 2;
  }
  let src: string;
  if (progFiles.length) {
    src = '';
    for (const f of progFiles) {
      const rd = new RecordReader(f);
      while (!(yield* rd.atEnd())) { src += rd.pending; rd.consume(rd.pending.length); }
      if (rd.error) { yield* err(`${progname}: cannot open ${f} (${strerror(rd.error)})\n`); return 2; }
      if (!src.endsWith('\n')) src += '\n';
    }
  } else {
    if (i >= argv.length) { yield* err(MAWK_USAGE); return 0; }
    src = argv[i++];
  }
  let prog: AwkProgram;
  try {
    prog = parseAwk(src);
    checkTypes(prog);
    const undef = undefinedFunction(prog);
    if (undef) throw new AwkSyntaxError(2 + (src.match(/\n/g)?.length ?? 0), `function ${undef} never defined`);
  } catch (e) {
    if (!(e instanceof AwkSyntaxError)) throw e;
    const where = progFiles.length ? `${progFiles[progFiles.length - 1]}: ` : '';
    for (const msg of e.message.split('\n')) yield* err(`${progname}: ${where}line ${e.line}: ${msg}\n`);
    return 2;
  }
  const m = new AwkMachine(prog, env.now ?? 0, progname);
  if (fs !== null) m.setVar('FS', unescapeAwk(fs));
  const argvArr = m.array('ARGV');
  argvArr.m.set('0', progname);
  const operands = argv.slice(i);
  operands.forEach((o, k) => argvArr.m.set(String(k + 1), fromInput(o)));
  m.setVar('ARGC', operands.length + 1);
  const envArr: AwkArray = m.array('ENVIRON');
  for (const kv of env.envp ?? []) {
    const eq = kv.indexOf('=');
    if (eq > 0) envArr.m.set(kv.slice(0, eq), fromInput(kv.slice(eq + 1)));
  }
  for (const [k, v] of assigns) m.setVar(k, fromInput(unescapeAwk(v)));
  try {
    return yield* m.run();
  } catch (e) {
    if (e instanceof AwkFatal) { yield* m.out.stdout.flush(); return 2; }
    if (e instanceof AwkRuntimeError) {
      yield* m.out.stdout.flush();
      yield* err(m.runtimeError(e));
      return 2;
    }
    throw e;
  }
}

/** The first function called but never defined (mawk reports it at the end of the program). */
function undefinedFunction(prog: AwkProgram): string | null {
  let found: string | null = null;
  const walk = (x: unknown): void => {
    if (found || !x || typeof x !== 'object') return;
    if (Array.isArray(x)) { x.forEach(walk); return; }
    const o = x as { k?: string; name?: string };
    if (o.k === 're') return;
    if (o.k === 'call' && o.name && !prog.funcs.has(o.name)) { found = o.name; return; }
    for (const v of Object.values(o)) walk(v);
  };
  walk([prog.items, [...prog.funcs.values()].map((f) => f.body)]);
  return found;
}

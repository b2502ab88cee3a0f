// `khelper`: run scenarios headlessly on the same engine as the playground.
//   khelper run FILE|- [--json] [--trace ftrace|json|perfetto] [--out FILE]
//   khelper run --example NAME [...]      khelper list      khelper --help      khelper --version
// Exit status: 0 when the scenario ran (whatever its steps returned), 2 on unusable input, with
// one clear line on stderr.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScenario } from '../init/scenario/parse.ts';
import { ScenarioError } from '../init/scenario/errors.ts';
import { runScenario } from '../init/scenario/run.ts';
import { toFtrace } from '../init/trace/ftrace.ts';
import { toPerfetto } from '../init/trace/perfetto.ts';
import { humanView } from './human.ts';
import { ExampleError, listExamples, readExample } from './examples.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const HELP = `Usage: khelper <command> [options]

Run khelper scenarios: a simulated Linux kernel's module auto-loader (request_module, the
khelper workqueue, call_usermodehelper, /sbin/modprobe), deterministic and headless.

Commands:
  run FILE|-              run a scenario file (- reads standard input)
  run --example NAME      run a built-in example (see: khelper list)
  list                    list the built-in examples
  help, --help, -h        show this help
  --version, -V           print the version

Options for run:
  --json                  print the result as JSON: steps, dmesg, modules, trace
  --trace FORMAT          print only the trace: ftrace (text), json, or perfetto
                          (Chrome trace-event JSON for ui.perfetto.dev)
  --out FILE              write the output to FILE instead of standard output

Without --json or --trace, run prints each step's output, then dmesg, then the trace in
ftrace style. The same scenario gives the same output, byte for byte.
Exit status: 0 when the scenario ran; 2 when it could not be read or is invalid.`;

class UsageError extends Error {}

interface RunOpts {
  file?: string;
  example?: string;
  json: boolean;
  trace?: 'ftrace' | 'json' | 'perfetto';
  out?: string;
}

function parseRunArgs(args: string[]): RunOpts {
  const o: RunOpts = { json: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const val = (name: string): string => {
      const eq = a.indexOf('=');
      if (eq > 0) return a.slice(eq + 1);
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (a === '--json') o.json = true;
    else if (a === '--trace' || a.startsWith('--trace=')) {
      const f = val('--trace');
      if (f !== 'ftrace' && f !== 'json' && f !== 'perfetto') throw new UsageError(`--trace must be ftrace, json or perfetto, not "${f}"`);
      o.trace = f;
    } else if (a === '--out' || a.startsWith('--out=')) o.out = val('--out');
    else if (a === '--example' || a.startsWith('--example=')) o.example = val('--example');
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a} (see khelper --help)`);
    else if (o.file === undefined) o.file = a;
    else throw new UsageError(`unexpected argument "${a}"`);
  }
  if (o.file === undefined && o.example === undefined) throw new UsageError('run needs a scenario file, "-" for standard input, or --example NAME');
  if (o.file !== undefined && o.example !== undefined) throw new UsageError('give a scenario file or --example, not both');
  if (o.json && o.trace) throw new UsageError('--json and --trace are exclusive');
  return o;
}

function readInput(o: RunOpts): { text: string; label: string } {
  if (o.example !== undefined) return { text: readExample(ROOT, o.example), label: `example ${o.example}` };
  if (o.file === '-') return { text: readFileSync(0, 'utf8'), label: 'stdin' };
  try {
    return { text: readFileSync(o.file!, 'utf8'), label: o.file! };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`${o.file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message}`);
  }
}

function run(args: string[]): number {
  const o = parseRunArgs(args);
  const { text, label } = readInput(o);
  let scenario;
  try {
    scenario = parseScenario(text);
  } catch (e) {
    if (e instanceof ScenarioError) throw new UsageError(`${label}: ${e.message}`);
    throw e;
  }
  const result = runScenario(scenario);
  let out: string;
  if (o.json) out = `${JSON.stringify(result, null, 1)}\n`;
  else if (o.trace === 'json') out = `${JSON.stringify(result.trace, null, 1)}\n`;
  else if (o.trace === 'perfetto') out = `${JSON.stringify(toPerfetto(result.trace))}\n`;
  else if (o.trace === 'ftrace') out = toFtrace(result.trace);
  else out = humanView(scenario, result);
  if (o.out) writeFileSync(o.out, out);
  else process.stdout.write(out);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(`${HELP}\n`);
        return cmd === undefined ? 2 : 0;
      case '--version':
      case '-V':
        process.stdout.write(`khelper ${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}\n`);
        return 0;
      case 'list':
        for (const ex of listExamples(ROOT)) process.stdout.write(`${ex.name.padEnd(28)} ${ex.title}\n`);
        return 0;
      case 'run':
        return run(rest);
      default:
        throw new UsageError(`unknown command "${cmd}" (see khelper --help)`);
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof ExampleError) {
      process.stderr.write(`khelper: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

// Replays one fuzz input in its own process (the case may freeze the host): argv[2] is the target
// ("sh-interpreter" or "scenario-run"), argv[3] the JSON input as the fuzzer printed it. Prints
// one JSON line: {ok: true, ...} or {ok: false, error}.
import { runScript, runScenarioBudget } from './targets.ts';
import { validateScenario } from '../../src/init/scenario/parse.ts';

const [target, json] = process.argv.slice(2);
const input = JSON.parse(json) as unknown[];
try {
  const r = target === 'sh-interpreter'
    ? runScript(input[0] as string, input[1] as '2.6.20' | '6.6')
    : runScenarioBudget(validateScenario(input[0]));
  process.stdout.write(`${JSON.stringify({ ok: true, ...r })}\n`);
} catch (e) {
  process.stdout.write(`${JSON.stringify({ ok: false, error: e instanceof Error ? e.message : String(e) })}\n`);
}

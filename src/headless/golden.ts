// The golden text of a built-in example: exactly what `khelper run --example NAME` prints.
import { readExample } from './examples.ts';
import { parseScenario } from '../init/scenario/parse.ts';
import { runScenario } from '../init/scenario/run.ts';
import { humanView } from './human.ts';

export function goldenText(root: string, name: string): string {
  const s = parseScenario(readExample(root, name));
  return humanView(s, runScenario(s));
}

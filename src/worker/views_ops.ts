// The views' longer operations: the side-by-side run of an example on 2.6.20 and 6.6 (two Machines
// in this worker, advanced in short slices so the playground's own machine and the page's calls
// keep running between them), and the trace exports as files.
import { compareRuns, SlicedRun } from '../init/compare.ts';
import type { Comparison } from '../init/compare.ts';
import { readScenario } from '../init/host_scenario.ts';
import type { Machine } from '../init/machine.ts';
import { toFtrace } from '../init/trace/ftrace.ts';
import { toPerfetto } from '../init/trace/perfetto.ts';
import { traceEvents } from '../init/views.ts';
import { exampleTexts } from './examples.ts';
import type { TraceFormat } from './views_api.ts';

/** Wall-clock budget of one slice of a side-by-side run (ms), as the run loop's. */
const SLICE_MS = 8;
/** A side-by-side run that takes longer than this (wall ms) is given up. */
const COMPARE_LIMIT_MS = 120_000;

/** The next macrotask (a MessageChannel, not setTimeout(0), which nested calls clamp to 4 ms). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(0);
  });
}

let generation = 0;

export async function compareExample(id: string): Promise<Comparison | { error: string }> {
  const found = exampleTexts().find((e) => e.id === id);
  if (!found) return { error: `no example named "${id}"` };
  const r = readScenario(found.text);
  if (!r.ok) return { error: r.error };
  const mine = ++generation;
  let left: SlicedRun, right: SlicedRun;
  try {
    left = new SlicedRun(r.scenario, '2.6.20');
    right = new SlicedRun(r.scenario, '6.6');
  } catch (e) {
    return { error: (e as Error).message };
  }
  const start = performance.now();
  while (!left.finished || !right.finished) {
    if (mine !== generation) return { error: 'replaced by a newer side-by-side run' };
    if (performance.now() - start > COMPARE_LIMIT_MS) return { error: `gave up after ${COMPARE_LIMIT_MS / 1000} s of real time` };
    for (const side of [left, right]) {
      if (side.finished) continue;
      const deadline = performance.now() + SLICE_MS / 2;
      try {
        side.advance(() => performance.now() > deadline);
      } catch (e) {
        return { error: `the ${side.profile} machine hit a bug: ${(e as Error).message}` };
      }
    }
    await nextTask();
  }
  return compareRuns(r.scenario.name ?? id, left, right);
}

export function exportTrace(m: Machine, format: TraceFormat): Blob {
  const events = traceEvents(m);
  let text: string;
  if (format === 'ftrace') text = toFtrace(events);
  else if (format === 'perfetto') text = `${JSON.stringify(toPerfetto(events, m.now))}\n`;
  else text = `${JSON.stringify(events, null, 1)}\n`;
  return new Blob([text], { type: format === 'ftrace' ? 'text/plain' : 'application/json' });
}

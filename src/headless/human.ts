// The CLI's human view: each step with what it returned and printed, dmesg, then the trace.
import type { Scenario } from '../init/scenario/parse.ts';
import type { ScenarioResult } from '../init/scenario/run.ts';
import { formatTime } from '../init/format.ts';
import { toFtrace } from '../init/trace/ftrace.ts';

function describeStep(step: object): string {
  const [kind, value] = Object.entries(step)[0] as [string, unknown];
  if (kind === 'sh') return `sh: ${String(value)}`;
  if (kind === 'requestModule') {
    const s = step as { requestModule: string; args?: unknown[]; threads?: number; wait?: boolean };
    return `requestModule ${JSON.stringify(s.requestModule)}${s.args?.length ? ` ${JSON.stringify(s.args)}` : ''}${s.threads ? ` x${s.threads}` : ''}${s.wait === false ? ' (nowait)' : ''}`;
  }
  return `${kind} ${JSON.stringify(value)}`;
}

function indent(s: string): string {
  return s.replace(/\n$/, '').split('\n').map((l) => `  ${l}`).join('\n');
}

/** rets as runs: "0 x50, -12 x10". */
export function summarizeRets(rets: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < rets.length;) {
    let j = i;
    while (j < rets.length && rets[j] === rets[i]) j++;
    parts.push(j - i > 1 ? `${rets[i]} x${j - i}` : String(rets[i]));
    i = j;
  }
  return parts.join(', ');
}

export function humanView(s: Scenario, r: ScenarioResult): string {
  let out = s.name ? `# ${s.name}\n\n` : '';
  r.steps.forEach((res, i) => {
    out += `== step ${i + 1}: ${describeStep((s.steps ?? [])[i] ?? {})}\n`;
    if ('exitCode' in res) {
      out += `exit status ${res.exitCode}\n`;
      if (res.stdout) out += `stdout:\n${indent(res.stdout)}\n`;
      if (res.stderr) out += `stderr:\n${indent(res.stderr)}\n`;
    } else if ('rets' in res && Array.isArray(res.rets)) out += `returned: ${summarizeRets(res.rets)}\n`;
    else if ('ret' in res) out += `returned: ${res.ret}\n`;
    else if ('rets' in res) out += `wrote: ${Object.entries(res.rets).map(([k, v]) => `${k}=${v}`).join(' ')}\n`;
    else if ('advanced' in res) out += `advanced ${res.advanced} ns\n`;
    if ('timedOut' in res && res.timedOut) out += 'timed out (the step did not finish within its virtual-time budget)\n';
  });
  out += '\n== dmesg\n';
  for (const d of r.dmesg) out += `${formatTime(d.t)} ${d.text}\n`;
  out += `\n== modules loaded: ${r.modules.join(' ') || '(none)'}\n`;
  out += '\n== trace\n';
  out += toFtrace(r.trace);
  return out;
}

// A built-in example (or imported scenario) in progress: its steps run on the live machine while
// the console shell stays usable; each finished step is reported on the console.
import { utf8ToBytes } from '../lib/bytes.ts';
import type { Machine } from '../init/machine.ts';
import { describeStep, stepEndsAt } from '../init/host_scenario.ts';
import type { StepRunner } from '../init/steps.ts';
import type { ExampleStatus, StepOutcome } from './api.ts';
import type { Follower } from './runloop.ts';

const BOLD = '\x1b[1m', CYAN = '\x1b[1;36m', RED = '\x1b[31m', DIM = '\x1b[2m', OFF = '\x1b[0m';

/** Text for the terminal: UTF-8 bytes with CRLF line ends. */
function tty(text: string): string {
  return utf8ToBytes(text.replace(/\r?\n/g, '\r\n'));
}

export class ExampleRun implements Follower {
  private startedAt: number;
  private reported = 0;
  private index = -1;
  private closed = false;

  constructor(readonly id: string, readonly name: string, private readonly m: Machine, private readonly runner: StepRunner,
    private readonly note: (bytes: string) => void) {
    this.startedAt = m.now;
    const n = runner.steps.length;
    note(tty(`\n${BOLD}── Example: ${name} (${n} step${n === 1 ? '' : 's'}) ──${OFF}\n`));
  }

  active(): boolean {
    return !this.runner.finished;
  }

  until(): number {
    return stepEndsAt(this.runner, this.startedAt) ?? this.runner.nextDeadline();
  }

  poll(): void {
    if (this.closed) return;
    const r = this.runner;
    r.poll();
    if (r.index !== this.index) {
      this.index = r.index;
      this.startedAt = this.m.now;
    }
    while (this.reported < r.results.length) {
      const i = this.reported++;
      const d = describeStep(r.steps[i], r.results[i]);
      let s = `${CYAN}[${i + 1}/${r.steps.length}] ${d.title}${OFF}\n`;
      if (d.out) s += d.out.endsWith('\n') ? d.out : `${d.out}\n`;
      if (d.err) s += `${RED}${d.err.endsWith('\n') ? d.err : `${d.err}\n`}${OFF}`;
      s += `${DIM}${d.status}${OFF}\n`;
      this.note(tty(s));
    }
    if (r.finished) {
      this.closed = true;
      this.note(tty(`${DIM}── example finished: the shell is yours (press Enter for a prompt) ──${OFF}\n`));
    }
  }

  /** The finished steps with their titles (an embed posts them to its page). */
  outcomes(): StepOutcome[] {
    const r = this.runner;
    return r.results.map((result, i) => ({ title: describeStep(r.steps[i], result).title, result }));
  }

  status(): ExampleStatus {
    return { id: this.id, name: this.name, done: this.runner.results.length, steps: this.runner.steps.length, finished: this.runner.finished };
  }
}

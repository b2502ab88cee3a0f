// Differential tests of NTty against the real N_TTY: test/kernel/ntty-recorded.json is what
// scripts/record-ntty.py saw on a Linux pty (the host kernel is named in the file) for each case
// of ntty-cases.json. Each case is replayed here step by step and must give the same echo per
// typed chunk, the same signals, the same output of slave writes and the same reads (with
// POLLIN and FIONREAD before each). Reads are non-blocking, as the recorder's are. Where Linux 6.6 (the
// kernel we model) differs from the recording host, the case carries `linux66` with the reason
// and the 6.6 expectations that replace the recorded ones. No case needs it so far: the n_tty.c
// functions these cases reach are the same, but for types and refactoring, from 6.1 to 6.12
// (both compared), and the 6.18 recordings agree with them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NTty } from '../../src/kernel/n_tty.ts';
import * as T from '../../src/uapi/termios.ts';
import type { Termios } from '../../src/uapi/termios.ts';
import { SIG_NAMES } from '../../src/uapi/signal.ts';
import { O_NOCTTY, O_NONBLOCK, O_RDWR } from '../../src/uapi/fcntl.ts';
import { nativeImage } from '../../src/uapi/syscalls.ts';
import type { UserGen } from '../../src/uapi/syscalls.ts';
import { nanosleep, open, read, tcgetattr, tcsetattr, write } from '../../src/userland/lib/sys.ts';
import { Machine } from '../../src/init/machine.ts';
import { startProcess } from '../../src/init/run.ts';
import { runUntil } from '../reliability/harness.ts';

interface TermiosChange {
  iflag?: string[];
  oflag?: string[];
  lflag?: string[];
  cc?: Record<string, number | string>;
}
type Step = string | { write: string } | { read: number } | { termios: TermiosChange; flush?: true } | { flush: true };
interface Case {
  name: string;
  note?: string;
  termios?: TermiosChange;
  steps: Step[];
  readSize?: number;
  /** Linux 6.6 differs from the recording host: why, and what 6.6 gives instead (by step index). */
  linux66?: { reason: string; steps?: Record<string, StepResult>; reads?: ReadResult[] };
}
interface ReadResult { pollin: boolean; inq: number; data: string | null; echo?: string }
type StepResult =
  | { echo: string; signals: string[] }
  | { wrote: number; output: string }
  | ReadResult
  | { output: string };
interface Recorded { name: string; setupOutput?: string; steps: StepResult[]; reads: ReadResult[] }

const load = <V>(file: string): V => JSON.parse(readFileSync(new URL(file, import.meta.url), 'latin1')) as V;
const cases = load<{ cases: Case[] }>('./ntty-cases.json').cases;
const recorded = load<{ kernel: string; cases: Recorded[] }>('./ntty-recorded.json');
const byName = new Map(recorded.cases.map((r) => [r.name, r]));

const FLAGS = {
  iflag: { IGNBRK: T.IGNBRK, BRKINT: T.BRKINT, IGNPAR: T.IGNPAR, ISTRIP: T.ISTRIP, INLCR: T.INLCR, IGNCR: T.IGNCR,
    ICRNL: T.ICRNL, IXON: T.IXON, IXANY: T.IXANY, IXOFF: T.IXOFF, IMAXBEL: T.IMAXBEL, IUTF8: T.IUTF8 },
  oflag: { OPOST: T.OPOST, ONLCR: T.ONLCR, OCRNL: T.OCRNL, ONOCR: T.ONOCR, ONLRET: T.ONLRET },
  lflag: { ISIG: T.ISIG, ICANON: T.ICANON, ECHO: T.ECHO, ECHOE: T.ECHOE, ECHOK: T.ECHOK, ECHONL: T.ECHONL,
    NOFLSH: T.NOFLSH, TOSTOP: T.TOSTOP, ECHOCTL: T.ECHOCTL, ECHOPRT: T.ECHOPRT, ECHOKE: T.ECHOKE, IEXTEN: T.IEXTEN },
} as const;
const CC: Record<string, number> = {
  VINTR: T.VINTR, VQUIT: T.VQUIT, VERASE: T.VERASE, VKILL: T.VKILL, VEOF: T.VEOF, VTIME: T.VTIME, VMIN: T.VMIN,
  VSTART: T.VSTART, VSTOP: T.VSTOP, VSUSP: T.VSUSP, VEOL: T.VEOL, VREPRINT: T.VREPRINT, VWERASE: T.VWERASE,
  VLNEXT: T.VLNEXT, VEOL2: T.VEOL2,
};

function applyChange(t: Termios, ch: TermiosChange): void {
  for (const field of ['iflag', 'oflag', 'lflag'] as const) {
    const names: Record<string, number> = FLAGS[field];
    for (const spec of ch[field] ?? []) {
      const bit = names[spec.slice(1)];
      if (bit === undefined) throw new Error(`unknown flag ${spec}`);
      t[field] = spec[0] === '+' ? t[field] | bit : t[field] & ~bit;
    }
  }
  for (const [name, v] of Object.entries(ch.cc ?? {})) {
    const i = CC[name];
    if (i === undefined) throw new Error(`unknown c_cc ${name}`);
    t.cc[i] = typeof v === 'number' ? v : v.charCodeAt(0);
  }
}

/** Replays a case on a fresh NTty the way scripts/record-ntty.py drives the pty. */
function replay(c: Case): Recorded {
  const signals: string[] = [];
  const t = new NTty({ signal: (s) => signals.push(`SIG${SIG_NAMES[s]}`), wakeReaders: () => {} });
  const tm = T.defaultTermios();
  applyChange(tm, c.termios ?? {});
  t.setTermios(tm);
  const rec: Recorded = { name: c.name, steps: [], reads: [] };
  const setup = t.takeOutput();
  if (setup) rec.setupOutput = setup;
  const read = (n: number): ReadResult => {
    const pollin = t.readable();
    const inq = t.inq();
    const r: ReadResult = { pollin, inq, data: t.read(n, true) };
    const echo = t.takeOutput();
    if (echo) r.echo = echo;
    return r;
  };
  for (const step of c.steps) {
    if (typeof step === 'string') {
      signals.length = 0;
      t.receive(step);
      rec.steps.push({ echo: t.takeOutput(), signals: [...signals] });
    } else if ('write' in step) {
      const wrote = t.write(step.write);
      rec.steps.push({ wrote, output: t.takeOutput() });
    } else if ('read' in step) {
      rec.steps.push(read(step.read));
    } else if ('termios' in step) {
      applyChange(tm, step.termios);
      t.setTermios(tm, step.flush === true);
      rec.steps.push({ output: t.takeOutput() });
    } else {
      t.flushInput();
      rec.steps.push({ output: t.takeOutput() });
    }
  }
  for (let k = 0; k < 64; k++) {
    const r = read(c.readSize ?? 8192);
    rec.reads.push(r);
    if (r.data === null || (r.data === '' && !(tm.lflag & T.ICANON))) break;
  }
  return rec;
}

/** The recording, with the Linux 6.6 corrections of the case applied. */
function expected(c: Case): Recorded {
  const r = byName.get(c.name);
  if (!r) throw new Error(`${c.name}: not recorded; run python3 scripts/record-ntty.py ${c.name}`);
  if (!c.linux66) return r;
  const steps = [...r.steps];
  for (const [i, s] of Object.entries(c.linux66.steps ?? {})) steps[Number(i)] = s;
  return { ...r, steps, reads: c.linux66.reads ?? r.reads };
}

const topics = new Map<string, Case[]>();
for (const c of cases) {
  const topic = c.name.split('/')[0];
  topics.set(topic, [...(topics.get(topic) ?? []), c]);
}

describe(`n_tty against the N_TTY of Linux ${recorded.kernel}`, () => {
  it('has a recording for every case and no stale recordings', () => {
    expect(recorded.cases.map((r) => r.name)).toEqual(cases.map((c) => c.name));
  });
  for (const [topic, list] of topics) {
    describe(topic, () => {
      for (const c of list) {
        it(c.linux66 ? `${c.name} (Linux 6.6: ${c.linux66.reason})` : c.name, () => {
          expect(replay(c)).toEqual(expected(c));
        });
      }
    });
  }
});

/** Reads the console non-blocking as raw-vmin3-partial does, while the test types 'ab'. */
function* vmin3Probe(): UserGen {
  const fd = yield* open('/dev/console', O_RDWR | O_NONBLOCK | O_NOCTTY);
  const tm = yield* tcgetattr(fd);
  if (typeof tm === 'number') return 1;
  tm.lflag &= ~(T.ICANON | T.ECHO);
  tm.cc[T.VMIN] = 3;
  yield* tcsetattr(fd, tm);
  const out: unknown[] = [yield* read(fd, 10)];
  yield* nanosleep(1e9);
  out.push(yield* read(fd, 10), yield* read(fd, 10));
  yield* write(1, JSON.stringify(out));
  return 0;
}

describe('the whole-kernel path: the console tty (tty.ts) over NTty', () => {
  it('a non-blocking read of the console returns the bytes there below VMIN, then EAGAIN (raw/vmin3-partial)', () => {
    const m = new Machine({ programs: { vmin3Probe }, files: { '/bin/probe': { content: nativeImage('vmin3Probe'), mode: 0o755 } } }).boot();
    const r = startProcess(m.k, { path: '/bin/probe', argv: ['probe'] });
    m.run({ until: m.now + 0.5e9 });
    m.input('ab');
    expect(runUntil(m, () => r.finished, 1_000_000)).toBe(true);
    const rec = byName.get('raw/vmin3-partial');
    expect(rec?.steps[1]).toEqual({ pollin: false, inq: 2, data: 'ab' });
    expect(JSON.parse(r.stdout.data)).toEqual([-11, 'ab', -11]);
  });
});

describe('the whole-kernel path: typed-only cases echo the same on the booted console', () => {
  const typedOnly = cases.filter((c) => !c.termios && c.steps.every((s) => typeof s === 'string'));
  it(`${typedOnly.length} cases, one machine each`, () => {
    for (const c of typedOnly) {
      const m = new Machine({}).boot();
      m.run({ until: m.now + 1e9 });
      m.takeConsole();
      const echoes = c.steps.map((s) => {
        m.input(s as string);
        return m.takeConsole();
      });
      const want = expected(c).steps.map((s) => ('echo' in s ? s.echo : null));
      expect({ name: c.name, echoes }).toEqual({ name: c.name, echoes: want });
    }
  });
});

// Engine.prepare(): the worker boots the default machine before the page's first boot request
// arrives (machine.worker.ts). The request that matches must get a machine indistinguishable from
// one booted on request, and any other request must boot as asked.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/worker/engine.ts';
import { DEFAULT_KERNEL } from '../../src/worker/api.ts';
import type { BootRequest } from '../../src/worker/api.ts';
import { traceEvents } from '../../src/init/views.ts';

const request = (over: Partial<BootRequest> = {}): BootRequest => ({
  kernel: { ...DEFAULT_KERNEL }, changes: { files: {}, links: {}, dirs: {}, deleted: [] },
  cols: 100, rows: 30, speed: 1, state: 'paused', ...over,
});

/** Boot, type a command, run to idle: the console and the trace. */
function session(e: Engine, req: BootRequest, line = 'echo $((6*7)) > /tmp/x; cat /tmp/x; uname -r'): { screen: string; trace: string } {
  e.boot(req);
  const m = e.m;
  m.run({ until: m.now + 2e9 });
  e.input(`${line}\r`);
  m.run({ until: m.now + 2e9 });
  return { screen: m.takeConsole(), trace: JSON.stringify(traceEvents(m)) };
}

describe('a machine prepared before the first boot request', () => {
  it('is the machine that request would have booted: same console, same trace', () => {
    const plain = new Engine();
    const fresh = session(plain, request());
    const early = new Engine();
    early.prepare(DEFAULT_KERNEL);
    const prepared = early['prepared'] as { m: unknown } | null;
    expect(prepared).not.toBeNull();
    const pm = prepared!.m;
    const got = session(early, request());
    expect(early.m).toBe(pm);
    expect(got.screen).toContain('42');
    expect(got.screen).toBe(fresh.screen);
    expect(got.trace).toBe(fresh.trace);
    expect(early.settings()).toEqual(plain.settings());
    expect(early.userChanges()).toEqual(plain.userChanges());
  });

  it('is not used by a request with other kernel settings or with changed files', () => {
    const other = new Engine();
    other.prepare(DEFAULT_KERNEL);
    const pm = (other['prepared'] as { m: unknown }).m;
    other.boot(request({ kernel: { ...DEFAULT_KERNEL, profile: '6.6' } }));
    expect(other.m).not.toBe(pm);
    expect(other.settings().profile).toBe('6.6');

    const files = new Engine();
    files.prepare(DEFAULT_KERNEL);
    const pf = (files['prepared'] as { m: unknown }).m;
    const s = session(files, request({ changes: { files: { '/root/note': { content: 'kept\n', mode: 0o644 } }, links: {}, dirs: {}, deleted: [] } }), 'cat /root/note');
    expect(files.m).not.toBe(pf);
    expect(s.screen).toMatch(/cat \/root\/note\r\nkept\r\n/);
  });

  it('is prepared on the spot when the matching request comes first, and not for any other request', () => {
    const e = new Engine();
    e.prepareFor(request({ kernel: { ...DEFAULT_KERNEL, profile: '6.6' } }), DEFAULT_KERNEL);
    expect(e['prepared']).toBeNull();
    e.prepareFor(request({ changes: { files: { '/root/x': { content: 'x', mode: 0o644 } }, links: {}, dirs: {}, deleted: [] } }), DEFAULT_KERNEL);
    expect(e['prepared']).toBeNull();
    e.prepareFor(request(), DEFAULT_KERNEL);
    expect(e.preparedFor(request())).toBe(true);
    const pm = (e['prepared'] as { m: unknown }).m;
    e.boot(request());
    expect(e.m).toBe(pm);
  });

  it('is used once: a later boot (Reset to default) makes a new machine', () => {
    const e = new Engine();
    e.prepare(DEFAULT_KERNEL);
    e.boot(request());
    const first = e.m;
    e.prepare(DEFAULT_KERNEL);
    expect(e['prepared']).toBeNull();
    e.boot(request());
    expect(e.m).not.toBe(first);
  });
});

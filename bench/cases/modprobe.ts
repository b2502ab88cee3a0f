// modprobe with big inputs: a modules.dep of the default modules plus 5,000 generated ones (each
// depending on up to three earlier ones) and a 1,000-line /etc/modprobe.d/bench.conf (options,
// aliases, blacklists, softdeps, install commands). Each figure is the kernel's request_module()
// round trip for a module that is already loaded, so modprobe reads everything and exits 0:
// cold = the first request in a fresh process (nothing parsed, nothing compiled), changed = the
// first request after both files were rewritten (parsers warm, the content-keyed caches miss),
// warm = steady state.
import { kReadFile, kWriteFile } from '../../src/kernel/vfs_api.ts';
import { defaultRelease } from '../../src/kernel/profile.ts';
import { arg, boot, report, requestLoop, timed } from '../common.ts';

const mods = Number(arg('modules', '5000'));
const confLines = Number(arg('conf', '1000'));
const warmN = Number(arg('warm', '500'));
/** Requests before "warm" is measured: the JIT needs a few thousand to settle (see warmup.ts). */
const settleN = Number(arg('settle', '3000'));
const release = defaultRelease('2.6.20');
const base = `/lib/modules/${release}`;

function genDep(variant: number, defaultDep: string): string {
  const lines = [defaultDep.trimEnd()];
  for (let i = 0; i < mods; i++) {
    const deps: string[] = [];
    for (const d of [i - 1, i - 7, i - 31]) if (d >= 0 && d % 3 !== 0) deps.push(`kernel/drivers/gen${variant}/g${d}.ko`);
    lines.push(`kernel/drivers/gen${variant}/g${i}.ko:${deps.length ? ' ' + deps.join(' ') : ''}`);
  }
  return lines.join('\n') + '\n';
}

function genConf(variant: number): string {
  const out: string[] = [`# ${confLines}-line configuration, variant ${variant}`];
  for (let i = 0; out.length < confLines; i++) {
    switch (i % 5) {
      case 0: out.push(`options g${i} debug=${i % 4} name=gen${variant}_${i}`); break;
      case 1: out.push(`alias gen-alias-${variant}-${i} g${i}`); break;
      case 2: out.push(`blacklist g${i}`); break;
      case 3: out.push(`softdep g${i} pre: g${i - 1} post: g${i - 2}`); break;
      default: out.push(`install g${i} /sbin/modprobe --ignore-install g${i} && echo g${i} >/dev/null`); break;
    }
  }
  return out.join('\n') + '\n';
}

// modules.dep as depmod makes it at boot, computed once on a default machine.
const probe = boot();
const defaultDep = kReadFile(probe.k, `${base}/modules.dep`);
if (typeof defaultDep !== 'string') throw new Error('no default modules.dep');

const t0 = performance.now();
const m = boot({ loaded: ['dummy'], files: { [`${base}/modules.dep`]: { content: genDep(0, defaultDep), mode: 0o644 }, '/etc/modprobe.d/bench.conf': { content: genConf(0), mode: 0o644 } } });
const bootMs = performance.now() - t0;
const cold = timed(() => requestLoop(m, 'dummy', 1, 1)).wallMs;
requestLoop(m, 'dummy', 1, settleN);
const warmT = timed(() => requestLoop(m, 'dummy', 1, warmN));
const warm = warmT.wallMs / warmN;
const changed: number[] = [];
for (let v = 1; v <= 5; v++) {
  kWriteFile(m.k, `${base}/modules.dep`, genDep(v, defaultDep), 0o644);
  kWriteFile(m.k, '/etc/modprobe.d/bench.conf', genConf(v), 0o644);
  changed.push(timed(() => requestLoop(m, 'dummy', 1, 1)).wallMs);
}
changed.sort((a, b) => a - b);
// The same request with the default (small) files, for the difference the big ones make.
requestLoop(probe, 'dummy', 1, settleN);
const smallT = timed(() => requestLoop(probe, 'dummy', 1, warmN));
report({
  coldMs: cold, changedMs: changed[2], warmMs: warm, warmCpuMs: warmT.cpuMs / warmN,
  defaultFilesWarmMs: smallT.wallMs / warmN, defaultFilesWarmCpuMs: smallT.cpuMs / warmN, bootMs,
});

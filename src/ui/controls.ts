// The toolbar: Run, Pause, Step, Reset, speed, the virtual clock, examples, state (reset to
// example, export, import) and the settings form.
import type { Batch, ExampleInfo, KernelSettings, RunState, Speed } from '../worker/api.ts';

export const SPEEDS: readonly Speed[] = [0.01, 0.1, 0.25, 0.5, 1, 2, 5, 10, 100, 1000, 'max'];

export interface ControlActions {
  run(): void;
  pause(): void;
  step(): void;
  reset(): void;
  speed(s: Speed): void;
  loadExample(id: string): void;
  resetToExample(): void;
  exportState(): void;
  importState(text: string): void;
  kernel(k: KernelSettings): void;
  screenReader(on: boolean): void;
}

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

export function speedLabel(s: Speed): string {
  return s === 'max' ? 'As fast as possible' : `${s}×`;
}

/** Virtual nanoseconds as seconds with microseconds, like dmesg's timestamps. */
export function formatClock(ns: number): string {
  return `${(ns / 1e9).toFixed(6)} s`;
}

export class Controls {
  private kernel: KernelSettings;

  constructor(private readonly a: ControlActions, kernel: KernelSettings, speed: Speed, screenReader: boolean) {
    this.kernel = { ...kernel };
    $('btn-run').addEventListener('click', () => a.run());
    $('btn-pause').addEventListener('click', () => a.pause());
    $('btn-step').addEventListener('click', () => a.step());
    $('btn-reset').addEventListener('click', () => a.reset());
    const sel = $<HTMLSelectElement>('speed');
    for (const s of SPEEDS) sel.append(new Option(speedLabel(s), String(s)));
    sel.value = String(speed);
    sel.addEventListener('change', () => a.speed(sel.value === 'max' ? 'max' : Number(sel.value)));
    const ex = $<HTMLSelectElement>('examples');
    ex.addEventListener('change', () => {
      const id = ex.value;
      ex.value = '';
      if (id) a.loadExample(id);
    });
    $('btn-reset-example').addEventListener('click', () => a.resetToExample());
    $('btn-export').addEventListener('click', () => a.exportState());
    const file = $<HTMLInputElement>('import-file');
    $('btn-import').addEventListener('click', () => file.click());
    file.addEventListener('change', async () => {
      const f = file.files?.[0];
      file.value = '';
      if (f) a.importState(await f.text());
    });
    const panel = $('settings');
    const toggle = $('btn-settings');
    toggle.addEventListener('click', () => {
      panel.hidden = !panel.hidden;
      toggle.setAttribute('aria-expanded', String(!panel.hidden));
      if (!panel.hidden) $('set-profile').focus();
    });
    panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        panel.hidden = true;
        toggle.setAttribute('aria-expanded', 'false');
        toggle.focus();
      }
    });
    panel.addEventListener('submit', (e) => e.preventDefault());
    const apply = (): void => {
      const threads = Number($<HTMLInputElement>('set-threads').value);
      const next: KernelSettings = {
        profile: $<HTMLSelectElement>('set-profile').value as KernelSettings['profile'],
        arch: $<HTMLSelectElement>('set-arch').value as KernelSettings['arch'],
        threadsMax: Number.isInteger(threads) && threads > 0 ? threads : this.kernel.threadsMax,
        modprobePath: $<HTMLInputElement>('set-modprobe').value,
      };
      a.kernel(next);
    };
    for (const id of ['set-profile', 'set-arch', 'set-threads', 'set-modprobe']) $(id).addEventListener('change', apply);
    const sr = $<HTMLInputElement>('set-sr');
    sr.checked = screenReader;
    sr.addEventListener('change', () => a.screenReader(sr.checked));
    this.showKernel(kernel);
  }

  /** The settings form follows the machine (the console can change sysctls), except while edited. */
  showKernel(k: KernelSettings): void {
    this.kernel = { ...k };
    const put = (id: string, v: string): void => {
      const el = $<HTMLInputElement | HTMLSelectElement>(id);
      if (document.activeElement !== el && el.value !== v) el.value = v;
    };
    put('set-profile', k.profile);
    put('set-arch', k.arch);
    put('set-threads', String(k.threadsMax));
    put('set-modprobe', k.modprobePath);
  }

  showState(state: RunState, idle: boolean): void {
    $('btn-run').setAttribute('aria-pressed', String(state === 'running'));
    $('btn-pause').setAttribute('aria-pressed', String(state === 'paused'));
    $('runstate').textContent = state === 'paused' ? 'paused' : idle ? 'running (idle)' : 'running';
  }

  update(b: Batch): void {
    $('clock').textContent = formatClock(b.now);
    this.showState(b.state, b.idle);
    this.showKernel(b.kernel);
  }

  setSpeed(s: Speed): void {
    $<HTMLSelectElement>('speed').value = String(s);
  }

  setExamples(list: ExampleInfo[]): void {
    const ex = $<HTMLSelectElement>('examples');
    ex.replaceChildren(new Option(list.length ? 'Examples…' : 'Examples (none yet)', ''));
    for (const e of list) ex.append(new Option(`${e.name} (${e.profile})`, e.id));
  }
}

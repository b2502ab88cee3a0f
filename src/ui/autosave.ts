// Autosave: at most one IndexedDB write per interval, always ending with the latest state; the
// console's recent bytes are kept here between saves.
import type { Remote } from 'comlink';
import type { MachineApi } from '../worker/api.ts';
import { SCHEMA, saveState } from './persist.ts';
import type { Settings } from './persist.ts';

const INTERVAL_MS = 700;
const TRANSCRIPT_BYTES = 128 * 1024;

export interface SaveSource {
  settings: Settings;
  openPath: string | null;
  example: string | null;
  draft: { path: string; text: string } | null;
}

export class Autosave {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private again = false;
  private chunks: string[] = [];
  private size = 0;
  /** Completed saves (tests wait on it). */
  count = 0;
  enabled = true;
  /**
   * The saved state has been read and applied: until then the page holds default settings, and a
   * save (a tab taking ownership, the page hidden) would overwrite the user's playground with them.
   */
  restored = false;

  constructor(private readonly api: Remote<MachineApi>, private readonly src: () => SaveSource, private readonly report: (msg: string) => void) {
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') void this.now();
    });
  }

  /** Console bytes, kept up to the last TRANSCRIPT_BYTES. */
  console(bytes: string): void {
    this.chunks.push(bytes);
    this.size += bytes.length;
    if (this.size > TRANSCRIPT_BYTES * 2) this.compact();
  }

  resetTranscript(initial = ''): void {
    this.chunks = initial ? [initial] : [];
    this.size = initial.length;
  }

  private compact(): void {
    const all = this.chunks.join('').slice(-TRANSCRIPT_BYTES);
    this.chunks = [all];
    this.size = all.length;
  }

  transcript(): string {
    this.compact();
    return this.chunks[0] ?? '';
  }

  soon(): void {
    if (!this.enabled || !this.restored || this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.now();
    }, INTERVAL_MS);
  }

  /** A save that starts after everything done so far (waits for one in flight first). */
  async flush(): Promise<void> {
    while (this.running) await new Promise((r) => setTimeout(r, 20));
    await this.now();
  }

  async now(): Promise<void> {
    if (!this.enabled || !this.restored) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      const s = this.src();
      const changes = await this.api.userChanges();
      await saveState({
        schema: SCHEMA, savedAt: Date.now(), settings: s.settings, changes, transcript: this.transcript(), openPath: s.openPath, example: s.example, draft: s.draft,
      });
      this.count++;
      this.report(`Saved ${new Date().toLocaleTimeString()}`);
    } catch (e) {
      this.report(`Not saved: ${(e as Error).message || e}`);
    } finally {
      this.running = false;
    }
    if (this.again) {
      this.again = false;
      this.soon();
    }
  }
}

// The editor pane: which machine file is open, saving it back (Ctrl-S), following changes the
// machine makes to it (`echo > file` in the console), kmod's diagnostics, and native programs
// (offering to replace /sbin/modprobe with an editable script).
import type { Remote } from 'comlink';
import { bytesToUtf8, utf8ToBytes } from '../lib/bytes.ts';
import type { Diagnostic, FileContent, MachineApi } from '../worker/api.ts';
import { languageOf, PlainEditor } from './editor_view.ts';
import type { EditorEvents, EditorView } from './editor_view.ts';

export interface EditorDeps {
  api: Remote<MachineApi>;
  status(msg: string): void;
  /** The machine's files changed through the editor, or unsaved text changed (autosave). */
  saved(): void;
  opened(path: string | null): void;
  leave(): void;
  dark: boolean;
}

const $ = (id: string): HTMLElement => document.getElementById(id)!;
const octal = (mode: number): string => `0${mode.toString(8).padStart(3, '0')}`;

export class EditorHost {
  view: EditorView;
  path: string | null = null;
  private bytes = '';
  private mode = 0o644;
  private editable = false;
  private dirty = false;
  private diagTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly events: EditorEvents;
  private readonly host = $('editor-host');

  constructor(private readonly d: EditorDeps) {
    this.events = { change: () => this.changed(), save: () => void this.save(), leave: () => d.leave() };
    this.view = new PlainEditor(this.host, this.events);
    this.host.dataset.editor = 'plain';
    this.view.setReadOnly(true);
    $('editor-save').addEventListener('click', () => void this.save());
    $('editor-reload').addEventListener('click', () => void this.reload());
  }

  /** Swap the textarea for Monaco once it has loaded (the text and focus carry over). */
  upgrade(make: (host: HTMLElement, ev: EditorEvents, dark: boolean) => EditorView): void {
    const old = this.view;
    const text = old.getValue();
    const focused = old.hasFocus();
    old.dispose();
    this.view = make(this.host, this.events, this.d.dark);
    this.host.dataset.editor = 'monaco';
    if (this.path) {
      this.view.open(text, languageOf(this.path, text), this.path);
      this.view.setReadOnly(!this.editable);
      void this.diagnose();
    } else {
      this.view.setReadOnly(true);
    }
    if (focused) this.view.focus();
  }

  setDark(dark: boolean): void {
    this.d.dark = dark;
    this.view.setDark(dark);
  }

  async open(path: string): Promise<void> {
    if (this.dirty && this.path !== path && !window.confirm(`${this.path} has unsaved changes. Open ${path} anyway (the changes are lost)?`)) return;
    const r = await this.d.api.read(path);
    if ('error' in r) {
      this.d.status(`Cannot open ${path}: ${r.error}`);
      return;
    }
    this.show(r);
    this.d.opened(this.path);
  }

  private show(r: FileContent): void {
    this.path = r.path;
    this.mode = r.mode;
    this.dirty = false;
    this.notice(null);
    if (r.kind === 'text') {
      this.bytes = r.bytes;
      this.editable = true;
      const text = bytesToUtf8(r.bytes);
      this.view.open(text, languageOf(r.path, text), r.path);
    } else {
      this.bytes = '';
      this.editable = false;
      const what = r.kind === 'native'
        ? `${r.path} is a native program ("${r.program}", built into khelper): there is no source to edit.`
        : `${r.path} is a binary file (${r.size} bytes).`;
      this.view.open(`# ${what}\n`, 'plaintext', r.path);
      if (r.kind === 'native') this.offerReplacement(r.path, r.program);
    }
    this.view.setReadOnly(!this.editable);
    this.header();
    void this.diagnose();
  }

  private offerReplacement(path: string, program: string): void {
    if (program !== 'modprobe') return;
    const box = document.createElement('div');
    const p = document.createElement('p');
    p.textContent = `The kernel runs ${path} (a native program) to load modules (see /proc/sys/kernel/modprobe). To see or change what it does, `
      + 'point the kernel at a script of your own that calls it.';
    const btn = document.createElement('button');
    btn.type = 'button';
    btn.textContent = 'Replace with a script';
    btn.addEventListener('click', async () => {
      const wrapper = await this.d.api.replaceModprobe();
      this.d.status(`/proc/sys/kernel/modprobe is now ${wrapper}`);
      this.d.saved();
      await this.open(wrapper);
      this.view.focus();
    });
    box.append(p, btn);
    this.notice(box);
  }

  private header(): void {
    $('editor-path').textContent = this.path ? `${this.path}  (${octal(this.mode)})` : 'No file open';
    $('editor-dirty').hidden = !this.dirty;
    ($('editor-save') as HTMLButtonElement).disabled = !this.editable;
    ($('editor-reload') as HTMLButtonElement).disabled = !this.path;
  }

  private notice(content: HTMLElement | string | null): void {
    const n = $('editor-notice');
    if (content === null) {
      n.hidden = true;
      n.replaceChildren();
      return;
    }
    n.replaceChildren(content);
    n.hidden = false;
  }

  private changed(): void {
    if (!this.editable) return;
    const dirty = utf8ToBytes(this.view.getValue()) !== this.bytes;
    if (dirty !== this.dirty) {
      this.dirty = dirty;
      this.header();
    }
    this.d.saved();
    if (this.diagTimer !== null) clearTimeout(this.diagTimer);
    this.diagTimer = setTimeout(() => void this.diagnose(), 250);
  }

  private async diagnose(): Promise<void> {
    const path = this.path;
    if (!path || !this.editable) {
      this.problems([]);
      return;
    }
    const list = await this.d.api.diagnose(path, utf8ToBytes(this.view.getValue()));
    if (path !== this.path) return;
    this.view.setDiagnostics(list);
    this.problems(list);
  }

  private problems(list: Diagnostic[]): void {
    const ul = $('editor-problems');
    ul.replaceChildren(...list.map((d) => {
      const li = document.createElement('li');
      li.className = d.severity;
      li.textContent = `line ${d.line}: ${d.message}`;
      return li;
    }));
    ul.hidden = list.length === 0;
  }

  /** Unsaved text, for the saved state. */
  draft(): { path: string; text: string } | null {
    return this.path && this.dirty ? { path: this.path, text: this.view.getValue() } : null;
  }

  /** Put back unsaved text from the last visit (the file as the machine has it stays the base). */
  restoreDraft(d: { path: string; text: string }): void {
    if (d.path !== this.path || !this.editable || utf8ToBytes(d.text) === this.bytes) return;
    this.view.replace(d.text);
    this.changed();
    this.d.status(`Unsaved edits of ${d.path} restored (not yet in the machine: Ctrl-S saves them)`);
  }

  async save(): Promise<void> {
    if (!this.path || !this.editable) return;
    const bytes = utf8ToBytes(this.view.getValue());
    const r = await this.d.api.write(this.path, bytes);
    if (!r.ok) {
      this.d.status(`Cannot save ${this.path}: ${r.error}`);
      return;
    }
    this.bytes = bytes;
    this.dirty = utf8ToBytes(this.view.getValue()) !== bytes;
    this.notice(null);
    this.header();
    this.d.status(`Saved ${this.path} into the machine`);
    this.d.saved();
  }

  async reload(): Promise<void> {
    if (!this.path) return;
    const r = await this.d.api.read(this.path);
    if ('error' in r) {
      this.d.status(`Cannot read ${this.path}: ${r.error}`);
      return;
    }
    this.show(r);
  }

  /** The machine changed some paths: follow the open file if it is among them. */
  async machineChanged(paths: string[]): Promise<void> {
    const path = this.path;
    if (!path || !paths.includes(path)) return;
    const r = await this.d.api.read(path);
    if (path !== this.path) return;
    if ('error' in r) {
      this.notice(`${path} no longer exists in the machine (${r.error}). Save writes it again.`);
      return;
    }
    if (r.kind !== 'text' || !this.editable) {
      this.show(r);
      return;
    }
    if (r.mode !== this.mode) {
      this.mode = r.mode;
      this.header();
    }
    if (r.bytes === this.bytes) return;
    if (this.dirty) {
      this.notice(`${path} was changed in the machine. Reload shows that version (your unsaved edits are lost); Save keeps yours.`);
      return;
    }
    this.bytes = r.bytes;
    this.view.replace(bytesToUtf8(r.bytes));
    void this.diagnose();
  }
}

// What the editor host needs from an editor widget, the language a path gets, and the plain
// textarea widget (touch devices, and the moments before Monaco has loaded).
import type { Diagnostic } from '../worker/api.ts';

export type Lang = 'shell' | 'modprobe' | 'modules-dep' | 'ko' | 'plaintext';

export interface EditorView {
  /** A new document (resets undo history). */
  open(text: string, lang: Lang, path: string): void;
  getValue(): string;
  /** Replace the text of the current document, keeping the cursor where it can be. */
  replace(text: string): void;
  setDiagnostics(list: Diagnostic[]): void;
  setReadOnly(ro: boolean): void;
  setDark(dark: boolean): void;
  focus(): void;
  hasFocus(): boolean;
  dispose(): void;
}

export interface EditorEvents {
  change(): void;
  save(): void;
  /** Escape pressed with nothing of the editor's own to close. */
  leave(): void;
}

const CONF_DIRS = ['/etc/modprobe.d', '/run/modprobe.d', '/usr/local/lib/modprobe.d', '/usr/lib/modprobe.d', '/lib/modprobe.d'];

export function languageOf(path: string, text: string): Lang {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dir = path.slice(0, path.lastIndexOf('/'));
  if (base.endsWith('.ko')) return 'ko';
  if (/^modules\.(dep|alias|softdep|weakdep|symbols|builtin)$/.test(base)) return base === 'modules.dep' ? 'modules-dep' : 'modprobe';
  if (CONF_DIRS.includes(dir) || base === 'modprobe.conf') return 'modprobe';
  if (/\.(sh|bash)$/.test(base) || /^\.(profile|bashrc|bash_profile|shrc)$/.test(base) || /^#!.*\b(sh|bash|dash)\b/.test(text)) return 'shell';
  return 'plaintext';
}

/** A textarea: works everywhere, including phones (where Monaco is a poor fit). */
export class PlainEditor implements EditorView {
  readonly el: HTMLTextAreaElement;

  constructor(host: HTMLElement, ev: EditorEvents) {
    const ta = document.createElement('textarea');
    ta.className = 'plain-editor';
    ta.spellcheck = false;
    ta.autocapitalize = 'off';
    ta.setAttribute('autocomplete', 'off');
    ta.setAttribute('aria-label', 'File editor');
    ta.wrap = 'off';
    ta.addEventListener('input', () => ev.change());
    ta.addEventListener('keydown', (e) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        ev.save();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        ev.leave();
      }
    });
    host.append(ta);
    this.el = ta;
  }

  open(text: string, _lang: Lang, path: string): void {
    this.el.value = text;
    this.el.setAttribute('aria-label', `Editing ${path}`);
    this.el.setSelectionRange(0, 0);
    this.el.scrollTop = 0;
  }

  getValue(): string {
    return this.el.value;
  }

  replace(text: string): void {
    const { selectionStart, selectionEnd } = this.el;
    this.el.value = text;
    this.el.setSelectionRange(Math.min(selectionStart, text.length), Math.min(selectionEnd, text.length));
  }

  setDiagnostics(_list: Diagnostic[]): void {
    // The host lists problems under the editor; a textarea cannot underline.
  }

  setReadOnly(ro: boolean): void {
    this.el.readOnly = ro;
  }

  setDark(_dark: boolean): void {
    // CSS follows the preference.
  }

  focus(): void {
    this.el.focus();
  }

  hasFocus(): boolean {
    return document.activeElement === this.el;
  }

  dispose(): void {
    this.el.remove();
  }
}

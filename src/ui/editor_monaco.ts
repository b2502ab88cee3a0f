// Monaco, loaded lazily (this module and everything it imports form their own chunk): the core
// editor, a few features, the shell grammar and ours, and diagnostics as markers.
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/toggleTabFocusMode/register';
import 'monaco-editor/languages/definitions/shell/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import type { Diagnostic } from '../worker/api.ts';
import type { EditorEvents, EditorView, Lang } from './editor_view.ts';
import { LANGS } from './monaco_langs.ts';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

let registered = false;
function setup(): void {
  if (registered) return;
  registered = true;
  window.MonacoEnvironment = { getWorker: () => new EditorWorker() };
  for (const [id, grammar, conf] of LANGS) {
    monaco.languages.register({ id });
    monaco.languages.setMonarchTokensProvider(id, grammar);
    monaco.languages.setLanguageConfiguration(id, conf);
  }
}

/** Keys Escape still belongs to: an open widget, a snippet, several cursors. */
const ESCAPE_FREE = '!suggestWidgetVisible && !findWidgetVisible && !markersNavigationVisible && !parameterHintsVisible'
  + ' && !editorHasMultipleSelections && !inSnippetMode && !renameInputVisible';

export class MonacoEditor implements EditorView {
  private readonly ed: monaco.editor.IStandaloneCodeEditor;
  private model: monaco.editor.ITextModel | null = null;
  private silent = false;

  constructor(host: HTMLElement, private readonly ev: EditorEvents, dark: boolean) {
    setup();
    this.ed = monaco.editor.create(host, {
      model: null, theme: dark ? 'vs-dark' : 'vs', automaticLayout: true, minimap: { enabled: false }, fontSize: 13,
      scrollBeyondLastLine: false, renderWhitespace: 'selection', tabSize: 8, insertSpaces: false, detectIndentation: true,
      autoClosingBrackets: 'never', autoClosingQuotes: 'never', autoIndent: 'keep', ariaLabel: 'File editor', wordWrap: 'off',
      fixedOverflowWidgets: true,
    });
    this.ed.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => ev.save());
    this.ed.addCommand(monaco.KeyCode.Escape, () => ev.leave(), ESCAPE_FREE);
    this.ed.onDidChangeModelContent(() => {
      if (!this.silent) ev.change();
    });
  }

  open(text: string, lang: Lang, path: string): void {
    // Reopening a path replaces its model (a URI may have one model only).
    this.ed.setModel(null);
    this.model?.dispose();
    const uri = monaco.Uri.from({ scheme: 'khelper', path });
    monaco.editor.getModel(uri)?.dispose();
    this.model = monaco.editor.createModel(text, lang, uri);
    this.model.setEOL(monaco.editor.EndOfLineSequence.LF);
    this.ed.setModel(this.model);
    this.ed.updateOptions({ ariaLabel: `Editing ${path}` });
  }

  getValue(): string {
    return this.model?.getValue(monaco.editor.EndOfLinePreference.LF) ?? '';
  }

  replace(text: string): void {
    const m = this.model;
    if (!m) return;
    const sel = this.ed.getSelections();
    this.silent = true;
    // An edit (not setValue) keeps undo history, so the user can undo back past the machine's change.
    m.pushEditOperations(sel ?? [], [{ range: m.getFullModelRange(), text }], () => sel);
    this.silent = false;
    if (sel) this.ed.setSelections(sel);
  }

  setDiagnostics(list: Diagnostic[]): void {
    const m = this.model;
    if (!m) return;
    const markers = list.filter((d) => d.line <= m.getLineCount()).map((d) => ({
      severity: d.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
      message: d.message,
      startLineNumber: d.line,
      startColumn: Math.max(1, m.getLineFirstNonWhitespaceColumn(d.line)),
      endLineNumber: d.line,
      endColumn: m.getLineMaxColumn(d.line),
      source: 'kmod',
    }));
    monaco.editor.setModelMarkers(m, 'khelper', markers);
  }

  setReadOnly(ro: boolean): void {
    this.ed.updateOptions({ readOnly: ro });
  }

  setDark(dark: boolean): void {
    monaco.editor.setTheme(dark ? 'vs-dark' : 'vs');
  }

  focus(): void {
    this.ed.focus();
  }

  hasFocus(): boolean {
    return this.ed.hasTextFocus();
  }

  dispose(): void {
    this.model?.dispose();
    this.ed.dispose();
  }
}

// What the page does beyond the playground itself, by mode (share/mode.ts): the user's own
// playground saves only while this tab owns it (tabs.ts); a page opened from a link never saves
// unless asked to; an embed talks to its page (embed/bridge.ts). Also the Share button and the
// offline service worker. Everything heavier loads lazily.
import type { Remote } from 'comlink';
import type { Batch, BootInfo, ExampleInfo, MachineApi, Speed } from '../../worker/api.ts';
import type { Autosave } from '../autosave.ts';
import { showAlert } from '../early.ts';
import { faults, storageProblems } from '../persist.ts';
import type { Console } from '../terminal.ts';
import { showBanner } from './banner.ts';
import type { PageMode } from './mode.ts';
import { guardTab } from './tabs.ts';

export interface ShareContext {
  api: Remote<MachineApi>;
  mode: PageMode;
  con: Console;
  autosave: Autosave;
  status(msg: string): void;
  /** Show a scenario's title and Markdown description in the Example view. */
  describe(title: string, md: string): void;
  selectTab(id: string): void;
  /** Adopt a new machine (the app clears the console, reloads the tree and the editor). */
  booted(info: BootInfo | { error: string }): Promise<boolean>;
  setExample(id: string | null): void;
  examples(): ExampleInfo[];
  onBatch(f: (b: Batch) => void): void;
  openPath(): string | null;
  speed(): Speed;
  setSpeed(s: Speed): void;
}

/** The selected view panel ("example", "timeline", ...), from the tabs. */
export function currentPanel(): string | undefined {
  const tab = document.querySelector<HTMLElement>('#view-tabs [role="tab"][aria-selected="true"]');
  return tab?.id.replace(/^tab-/, '') || undefined;
}

export function startSharing(c: ShareContext): void {
  const { mode } = c;
  if (mode.problem) showAlert(mode.problem);
  // A link's speed is in the machine already; the toolbar shows it.
  if (mode.source.kind !== 'saved') c.setSpeed(c.speed());
  let told = '';
  storageProblems.add((msg) => {
    if (msg === told) return;
    told = msg;
    showAlert(msg);
  });
  Object.assign(window.__khelper ?? {}, { storage: { crashNextSave: () => void (faults.crash = true) } });
  if (mode.title !== undefined || mode.description !== undefined) c.describe(mode.title ?? 'Shared scenario', mode.description ?? '');
  if (mode.panel) selectPanel(c, mode.panel);
  document.getElementById('btn-share')?.addEventListener('click', () => {
    import('./dialog.ts').then((m) => m.openShareDialog(c)).catch((e: unknown) => c.status(`Share is not available: ${(e as Error).message}`));
  });
  if (mode.embed) {
    import('../embed/bridge.ts').then((m) => m.startEmbed(c)).catch((e: unknown) => showAlert(`The embed could not start: ${(e as Error).message}`));
    return;
  }
  if (mode.source.kind !== 'saved') linkedBanner(c);
  const idle = (f: () => void): void => void ('requestIdleCallback' in window ? requestIdleCallback(f, { timeout: 4000 }) : setTimeout(f, 1000));
  idle(() => {
    import('./offline.ts')
      .then((m) => m.registerOffline({
        offer: (apply) => showBanner('update', 'A new version of khelper is ready.', [['Reload to update', apply]]),
      }))
      .catch((e: unknown) => c.status(`Offline use is not available: ${(e as Error).message}`));
  });
}

/** Select a view panel by name; the machinery views add their tabs when their chunk loads, so wait a little for it. */
function selectPanel(c: ShareContext, panel: string): void {
  const id = `tab-${panel}`;
  if (document.getElementById(id)) {
    c.selectTab(id);
    return;
  }
  const tabs = document.getElementById('view-tabs');
  if (!tabs) return;
  const mo = new MutationObserver(() => {
    if (!document.getElementById(id)) return;
    mo.disconnect();
    c.selectTab(id);
  });
  mo.observe(tabs, { childList: true, subtree: true });
  setTimeout(() => mo.disconnect(), 10_000);
}

/**
 * Called as the page starts, before any key or save: saving stays off until this tab owns the
 * saved playground (the lock is asked for at once, long before the first autosave), and for good
 * in links and embeds; a read-only embed's console takes no keys.
 */
export function applyMode(mode: PageMode, autosave: Autosave, con: Console): void {
  autosave.enabled = false;
  if (mode.source.kind === 'saved' && !mode.embed) guardSaving(autosave);
  if (mode.embed?.readOnly) con.term.options.disableStdin = true;
}

/** The user's own playground: save only while this tab owns it. */
function guardSaving(autosave: Autosave): void {
  const saveState = document.getElementById('save-state');
  const readOnly = (why: string): void => {
    autosave.enabled = false;
    if (saveState) saveState.textContent = 'Not saved in this tab';
    showBanner('tabs', why, [['Use this tab instead', () => void guard.takeOver()]], 'warn');
  };
  const guard = guardTab({
    owner: () => {
      autosave.enabled = true;
      autosave.soon();
      showBanner('tabs', null);
    },
    busy: () => readOnly('khelper is open in another tab, which saves your work. Nothing you do in this tab is saved.'),
    lost: () => readOnly('khelper was opened in another tab, which now saves your work. Nothing you do in this tab is saved any more.'),
    flush: () => autosave.flush(),
  });
}

/** A page opened from a link, a scenario URL or ?example=: the user's saved playground stays untouched. */
function linkedBanner(c: ShareContext): void {
  const what = c.mode.source.kind === 'example' ? 'an example link' : c.mode.source.kind === 'url' ? 'a scenario file' : 'a share link';
  showBanner('linked', `Opened from ${what}: nothing here is saved, and your own playground stays as it was.`, [
    ['Keep this as my playground', () => {
      if (!window.confirm('Keep this as your playground? It replaces the playground saved in this browser.')) return;
      history.replaceState(null, '', location.pathname);
      c.mode.source = { kind: 'saved' };
      showBanner('linked', null);
      guardSaving(c.autosave);
    }],
    ['Back to my playground', () => location.assign(location.pathname)],
  ]);
}

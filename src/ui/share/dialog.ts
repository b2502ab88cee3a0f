// The Share dialog: a link that holds the whole run (codec.ts), its length, and, past ~2,000
// characters, the scenario file to download instead; also opening a scenario from a file or URL.
import { encodeLink, LONG_LINK } from './codec.ts';
import type { LinkSettings } from './codec.ts';
import type { ShareContext } from './start.ts';
import { currentPanel } from './start.ts';

/** The page's own address without query or hash: what links and embeds point at. */
export function pageBase(): string {
  return location.href.split(/[?#]/)[0];
}

/** A share link for the current state (and the scenario JSON it holds). */
export async function makeLink(c: ShareContext, base = pageBase()): Promise<{ link: string; json: string; skipped: string[] }> {
  const panel = currentPanel();
  const file = c.openPath();
  const view: Record<string, unknown> = {};
  if (panel) view.panel = panel;
  if (file) view.file = file;
  const { json, skipped } = await c.api.shareScenario(view);
  const doc = JSON.parse(json) as { kernel?: { profile?: LinkSettings['profile'] } };
  const speed = c.speed();
  const settings: LinkSettings = { profile: doc.kernel?.profile, view: panel };
  if (speed !== 1) settings.speed = speed;
  return { link: encodeLink(base, json, settings), json, skipped };
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] => {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...kids);
  return e;
};

function download(name: string, text: string): void {
  const a = el('a', { download: name, href: URL.createObjectURL(new Blob([text], { type: 'application/json' })) });
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

export async function openShareDialog(c: ShareContext): Promise<void> {
  document.getElementById('share-dialog')?.remove();
  const { link, json, skipped } = await makeLink(c);
  const dlg = el('dialog', { id: 'share-dialog', className: 'share' });
  dlg.setAttribute('aria-labelledby', 'share-title');
  const input = el('input', { type: 'text', id: 'share-link', value: link, readOnly: true, spellcheck: false });
  input.setAttribute('aria-label', 'Share link');
  input.addEventListener('focus', () => input.select());
  const copy = el('button', { type: 'button', textContent: 'Copy link' });
  copy.addEventListener('click', () => {
    input.select();
    navigator.clipboard?.writeText(link).then(() => c.status('Link copied'), () => c.status('Select the link and copy it (the clipboard is not available)'));
  });
  const open = el('a', { href: link, target: '_blank', rel: 'noopener', textContent: 'Open in a new tab' });
  const long = link.length > LONG_LINK;
  const size = el('p', { className: long ? 'long' : 'hint', id: 'share-size' },
    long
      ? `This link is ${link.length} characters long: many chats and forums cut links past ${LONG_LINK.toLocaleString('en')}. Download the scenario file instead; anyone can open it with Import, or from a URL (put the file on the web and add ?scenario=ITS-URL to the playground's address).`
      : `${link.length} characters.`);
  const name = (JSON.parse(json) as { name?: string }).name ?? 'khelper';
  const dl = el('button', { type: 'button', id: 'share-download', textContent: 'Download scenario file' });
  dl.addEventListener('click', () => download(`${name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'khelper'}.json`, `${JSON.stringify(JSON.parse(json), null, 2)}\n`));
  const fromFile = el('button', { type: 'button', textContent: 'Open a file…' });
  fromFile.addEventListener('click', () => {
    dlg.close();
    document.getElementById('import-file')?.click();
  });
  const url = el('input', { type: 'url', id: 'share-open-url', placeholder: 'https://…/scenario.json' });
  url.setAttribute('aria-label', 'Scenario URL');
  const go = el('button', { type: 'button', textContent: 'Open URL' });
  const openUrl = (): void => {
    const u = url.value.trim();
    if (u) location.assign(`${pageBase()}?scenario=${encodeURIComponent(u)}`);
  };
  go.addEventListener('click', openUrl);
  url.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') openUrl();
  });
  const close = el('button', { type: 'button', textContent: 'Close' });
  close.addEventListener('click', () => dlg.close());
  dlg.append(
    el('h2', { id: 'share-title' }, 'Share this run'),
    el('p', {}, 'The link holds the whole run: the files, the kernel settings, the steps, the seed and the view. Opening it replays the same run. Your theme, layout and key bindings stay yours.'),
    el('div', { className: 'row' }, input, copy, open),
    size,
    el('div', { className: 'row' }, dl),
    ...(skipped.length ? [el('p', { className: 'hint' }, `Not in the link (a scenario cannot hold them): ${skipped.join(', ')}.`)] : []),
    el('h2', {}, 'Open a scenario'),
    el('div', { className: 'row' }, fromFile, url, go),
    el('div', { className: 'actions' }, close),
  );
  dlg.addEventListener('close', () => dlg.remove());
  document.body.append(dlg);
  dlg.showModal();
  input.focus();
}

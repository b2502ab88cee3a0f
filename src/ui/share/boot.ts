// The first boot of a page opened from a URL: a share link, a scenario file by URL or a built-in
// example. What cannot be opened is said in `mode.problem` and the default system boots instead.
// A scenario only ever describes a simulated machine: nothing in it is run as JavaScript.
import type { Remote } from 'comlink';
import type { BootInfo, BootRequest, MachineApi } from '../../worker/api.ts';
import type { PageMode } from './mode.ts';
import { readSettings } from './query.ts';

/** The same limit as the scenario reader's (a larger document is refused before reading it). */
const MAX_BYTES = 2 * 1024 * 1024;

/** Read a scenario file by URL: same-origin at once, another site only after the user agrees. */
export async function fetchScenario(raw: string, confirm: (msg: string) => boolean = (m) => window.confirm(m)): Promise<string> {
  let url: URL;
  try {
    url = new URL(raw, location.href);
  } catch (e) {
    throw new Error(`"${raw}" is not a URL`, { cause: e });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`only http(s) URLs can be opened, not ${url.protocol}`);
  if (url.origin !== location.origin && !confirm(`Open the scenario at ${url.href}?\n\nIt comes from another site (${url.origin}); khelper only reads it as a scenario.`)) {
    throw new Error('you chose not to open it');
  }
  const res = await fetch(url, { credentials: 'omit', cache: 'no-cache' });
  if (!res.ok) throw new Error(`${url.href} answered ${res.status} ${res.statusText}`.trim());
  const text = await res.text();
  if (text.length > MAX_BYTES) throw new Error(`the file is ${text.length} bytes; the limit is ${MAX_BYTES}`);
  return text;
}

/** Title, description and view of a scenario document, for the page around the run. */
function describeDoc(mode: PageMode, json: string): void {
  try {
    const d = JSON.parse(json) as { name?: unknown; description?: unknown; view?: { file?: unknown; panel?: unknown } };
    if (typeof d.name === 'string') mode.title = d.name;
    if (typeof d.description === 'string') mode.description = d.description;
    const v = d.view;
    if (v && typeof v === 'object') {
      if (typeof v.file === 'string' && v.file.startsWith('/')) mode.openPath = v.file;
      if (typeof v.panel === 'string') mode.panel = v.panel;
    }
  } catch (_e) {
    // The worker has already accepted it as JSON.
  }
}

/** Boot as the URL says; `req` is the default boot (also the fallback). */
export async function bootFor(api: Remote<MachineApi>, mode: PageMode, req: BootRequest): Promise<BootInfo> {
  const src = mode.source;
  if (src.kind === 'saved') return api.boot(req);
  const e = mode.embed;
  const settings = readSettings(location.search);
  const autorun = e ? e.autorun : settings.autorun !== false;
  if (!autorun) req.state = 'paused';
  if (settings.speed !== undefined) req.speed = settings.speed;
  if (mode.embed && !settings.view) mode.panel = mode.embed.view;
  if (settings.view) mode.panel = settings.view;
  if (src.kind === 'default') return api.boot(req);
  try {
    let json: string | null = null;
    if (src.kind === 'link') {
      const { decodeLink } = await import('./codec.ts');
      const d = decodeLink(location.search, location.hash);
      if (d.kind === 'error') throw new Error(d.message);
      if (d.kind === 'ok') json = d.json;
    } else if (src.kind === 'url') {
      json = await fetchScenario(src.url);
    }
    if (!autorun) await api.pause();
    const info = json === null && src.kind === 'example' ? await api.loadExample(src.id) : await api.importScenario(json ?? '');
    if ('error' in info) throw new Error(info.error);
    if (json !== null) {
      mode.scenario = json;
      describeDoc(mode, json);
      if (settings.view) mode.panel = settings.view;
    }
    if (req.speed !== 1) await api.setSpeed(req.speed);
    return info;
  } catch (err) {
    const what = src.kind === 'link' ? 'this share link' : src.kind === 'url' ? `the scenario at ${src.url}` : `the example "${src.kind === 'example' ? src.id : ''}"`;
    mode.problem = `Could not open ${what}: ${(err as Error).message.replace(/\.$/, '')}. The default system was started instead.`;
    return api.boot(req);
  }
}

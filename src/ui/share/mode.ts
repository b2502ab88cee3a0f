// What this page load is (read from the URL before anything boots): the user's own playground
// (saved state), a share link (#s=...), a scenario file by URL (?scenario=), a built-in example
// (?example=), and whether it is embedded (?embed). Only the user's own playground reads and
// writes the saved state; everything opened from a URL starts from the URL alone.
import '../embed/embed.css';
import './share.css';

export interface EmbedOptions {
  /** The one view shown beside the console: a panel name, or "console" for none. */
  view: string;
  autorun: boolean;
  readOnly: boolean;
  /** px, or null to fill the frame. */
  height: number | null;
  /** The only origin the postMessage API talks to (docs/design/embed.md), or null: none. */
  origin: string | null;
}

export type Source =
  | { kind: 'saved' }
  | { kind: 'default' }
  | { kind: 'link' }
  | { kind: 'url'; url: string }
  | { kind: 'example'; id: string };

export interface PageMode {
  source: Source;
  embed: EmbedOptions | null;
  /** Filled while booting: what the opened scenario says about itself and its view. */
  title?: string;
  description?: string;
  openPath?: string;
  panel?: string;
  /** The scenario text the machine was started from (an embed's Reset starts it again). */
  scenario?: string;
  /** Why the URL's scenario could not be opened (the default system was booted instead). */
  problem?: string;
}

const ID_RE = /^[A-Za-z0-9._-]{1,64}$/;

/** An origin such as "https://docs.example.org" exactly, or null. */
export function originOrNull(s: string | null | undefined): string | null {
  if (!s) return null;
  try {
    const u = new URL(s);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === s.replace(/\/$/, '') ? u.origin : null;
  } catch (_e) {
    return null;
  }
}

/**
 * The postMessage peer: `?origin=` when given (it must be a bare origin), otherwise the origin of
 * the page that framed us (document.referrer). Never "*": with neither, the API stays closed.
 */
function embedOrigin(q: URLSearchParams, referrer: string): string | null {
  if (q.has('origin')) return originOrNull(q.get('origin'));
  try {
    return referrer ? new URL(referrer).origin : null;
  } catch (_e) {
    return null;
  }
}

const flag = (q: URLSearchParams, name: string, dflt: boolean): boolean => {
  const v = q.get(name);
  if (v === null) return dflt;
  return !['0', 'false', 'no', 'off'].includes(v);
};

export function readMode(search: string, hash: string, referrer: string): PageMode {
  const q = new URLSearchParams(search);
  let source: Source = { kind: 'saved' };
  const example = q.get('example');
  const url = q.get('scenario');
  if (/^#?s=/.test(hash)) source = { kind: 'link' };
  else if (url) source = { kind: 'url', url };
  else if (example && ID_RE.test(example)) source = { kind: 'example', id: example };
  let embed: EmbedOptions | null = null;
  if (q.has('embed')) {
    const h = Number(q.get('height'));
    const view = q.get('view') ?? 'example';
    embed = {
      view: /^[a-z][a-z0-9-]{0,31}$/.test(view) ? view : 'example',
      autorun: flag(q, 'autorun', true),
      readOnly: flag(q, 'readonly', false) || flag(q, 'read-only', false),
      height: Number.isFinite(h) && h >= 120 && h <= 4000 ? Math.round(h) : null,
      origin: embedOrigin(q, referrer),
    };
    if (source.kind === 'saved') source = { kind: 'default' };
  }
  return { source, embed };
}

/** The page's mode, with the embed layout applied at once (before the console's code loads). */
export function pageMode(): PageMode {
  const mode = readMode(location.search, location.hash, document.referrer);
  const e = mode.embed;
  if (e) {
    const root = document.documentElement;
    root.classList.add('embed');
    if (e.view === 'console' || e.view === 'none') root.classList.add('embed-console-only');
    if (e.height) root.style.setProperty('--embed-h', `${e.height}px`);
  }
  return mode;
}

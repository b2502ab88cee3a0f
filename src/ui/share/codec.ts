// Share links (docs/design/share.md): the whole run in the hash, settings in the query.
//
//   https://host/path/?profile=6.6&view=dmesg#s=1:<lz-string of the scenario JSON>
//
// The hash holds `s=<link version>:<payload>`; the payload is a scenario document (its own format
// version inside, migrated by the scenario reader). Link versions only ever get added: every
// decoder stays, so a link keeps opening after the format moves on.
//   0: the scenario JSON, percent-encoded (readable, long; the first form, still accepted)
//   1: the scenario JSON compressed with lz-string's compressToEncodedURIComponent
// The query holds settings a reader may want to change by hand: profile, view, speed, autorun.
// Personal settings (theme, font size, key bindings, screen reader, layout) never go in a link.
// Nothing here touches the DOM: the codec runs under Node in its unit tests.
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { readSettings, writeSettings } from './query.ts';
import type { LinkSettings } from './query.ts';

export { readSettings, writeSettings };
export type { LinkSettings };

export const LINK_VERSION = 1;
/** A link longer than this is hard to paste in chat (Discord and many others cut at 2,000). */
export const LONG_LINK = 2000;
/** Payloads beyond these sizes are refused before (and after) decompressing. */
const MAX_PAYLOAD = 1 << 20;
const MAX_JSON = 2 * 1024 * 1024;

export type Decoded =
  | { kind: 'none' }
  | { kind: 'error'; message: string }
  /** json: the scenario document (query settings applied), ready for the scenario reader. */
  | { kind: 'ok'; version: number; json: string; settings: LinkSettings };

/** Link version -> payload to scenario JSON text. */
const DECODERS: Record<number, (payload: string) => string | null> = {
  0: (p) => {
    try {
      return decodeURIComponent(p);
    } catch (_e) {
      return null;
    }
  },
  1: (p) => decompressFromEncodedURIComponent(p) || null,
};

const ENCODERS: Record<number, (json: string) => string> = {
  0: (json) => encodeURIComponent(json),
  1: (json) => compressToEncodedURIComponent(json),
};

/** The `s=` value of a hash ("#s=1:..."), or null. */
export function hashPayload(hash: string): string | null {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  return h.startsWith('s=') ? h.slice(2) : null;
}

/** Read a link's hash and query; a hash without `s=` is not a share link. */
export function decodeLink(search: string, hash: string, limits = { payload: MAX_PAYLOAD, json: MAX_JSON }): Decoded {
  const value = hashPayload(hash);
  if (value === null) return { kind: 'none' };
  const m = /^(\d{1,4}):([\s\S]*)$/.exec(value);
  if (!m) return { kind: 'error', message: 'This share link is damaged (it has no version).' };
  const version = Number(m[1]);
  const decode = DECODERS[version];
  if (!decode) {
    return { kind: 'error', message: `This share link was made by a newer khelper (link format ${version}; this page reads up to ${LINK_VERSION}).` };
  }
  if (m[2].length > limits.payload) return { kind: 'error', message: `This share link is too long (${m[2].length} characters).` };
  const json = decode(m[2]);
  if (json === null || json === '') return { kind: 'error', message: 'This share link is damaged (it could not be decoded); it may have been cut short.' };
  if (json.length > limits.json) return { kind: 'error', message: `This share link holds a scenario larger than ${limits.json >> 20 || limits.json} ${limits.json >> 20 ? 'MiB' : 'bytes'}.` };
  const settings = readSettings(search);
  return { kind: 'ok', version, json: applySettings(json, settings), settings };
}

/**
 * The query's profile wins over the scenario's (a reader switches semantics by editing the
 * query), and its view over the scenario's panel. A document that is not a JSON object is left
 * for the scenario reader to refuse with its own message.
 */
function applySettings(json: string, s: LinkSettings): string {
  if (!s.profile && !s.view) return json;
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch (_e) {
    return json;
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return json;
  const d = doc as Record<string, unknown>;
  if (s.profile) {
    const k = typeof d.kernel === 'object' && d.kernel !== null && !Array.isArray(d.kernel) ? d.kernel as Record<string, unknown> : {};
    d.kernel = { ...k, profile: s.profile };
  }
  if (s.view) {
    const v = typeof d.view === 'object' && d.view !== null && !Array.isArray(d.view) ? d.view as Record<string, unknown> : {};
    d.view = { ...v, panel: s.view };
  }
  return JSON.stringify(d);
}

/** A share link: `base` (the page, without query or hash) + settings + the scenario. */
export function encodeLink(base: string, scenarioJson: string, settings: LinkSettings, version = LINK_VERSION): string {
  const enc = ENCODERS[version];
  if (!enc) throw new Error(`no encoder for link version ${version}`);
  const q = writeSettings(settings).toString();
  return `${base}${q ? `?${q}` : ''}#s=${version}:${enc(scenarioJson)}`;
}

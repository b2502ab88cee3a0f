// The settings a link carries in its query (?profile=6.6&view=dmesg&speed=max&autorun=0): kept
// apart from the codec so that a page reads them without loading the compressor.

export const PROFILES = ['2.6.20', '2.6.21', '6.6'] as const;
export type Profile = (typeof PROFILES)[number];

/** Settings a link carries in its query. */
export interface LinkSettings {
  profile?: Profile;
  /** A view panel of the page (example, timeline, tasks, source, dmesg, ...) or "console". */
  view?: string;
  speed?: number | 'max';
  /** false: open paused. */
  autorun?: boolean;
}

const VIEW_RE = /^[a-z][a-z0-9-]{0,31}$/;

/** The settings of a query string; values that are not understood are left out. */
export function readSettings(search: string): LinkSettings {
  const q = new URLSearchParams(search);
  const out: LinkSettings = {};
  const profile = q.get('profile');
  if (profile && (PROFILES as readonly string[]).includes(profile)) out.profile = profile as Profile;
  const view = q.get('view');
  if (view && VIEW_RE.test(view)) out.view = view;
  const speed = q.get('speed');
  if (speed === 'max') out.speed = 'max';
  else if (speed && Number.isFinite(Number(speed)) && Number(speed) > 0 && Number(speed) <= 1000) out.speed = Number(speed);
  const autorun = q.get('autorun');
  if (autorun !== null) out.autorun = !['0', 'false', 'no', 'off'].includes(autorun);
  return out;
}

export function writeSettings(s: LinkSettings, q = new URLSearchParams()): URLSearchParams {
  if (s.profile) q.set('profile', s.profile);
  if (s.view) q.set('view', s.view);
  if (s.speed !== undefined) q.set('speed', String(s.speed));
  if (s.autorun === false) q.set('autorun', '0');
  return q;
}


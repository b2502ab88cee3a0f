// Module-name normalisation, as kmod's shared/util.c does it. Module names treat `-` and `_` as
// the same character; kmod stores them with `_`. Inside a `[...]` bracket a dash is a range, so
// it is kept (alias patterns are fnmatch patterns).

const PATH_MAX = 4096;

/** Nothing to rewrite: no dash and no bracket. Most names take this path. */
const PLAIN = /^[^-[\]]*$/;

/**
 * underscores() / alias_normalize(): `-` becomes `_` outside brackets. A `]` with no `[` before
 * it, or a `[` that is never closed, makes the name invalid (null), which kmod reports as a bad
 * config line or as "not found". alias_normalize truncates at PATH_MAX - 1 bytes.
 */
export function underscores(s: string): string | null {
  if (s.length >= PATH_MAX) s = s.slice(0, PATH_MAX - 1);
  if (PLAIN.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '-') {
      out += '_';
    } else if (c === ']') {
      return null;
    } else if (c === '[') {
      const close = s.indexOf(']', i);
      if (close < 0) return null;
      out += s.slice(i, close + 1);
      i = close;
    } else {
      out += c;
    }
  }
  return out;
}

/** modname_normalize(): `-` becomes `_`, and the name stops at the first `.`. */
export function modnameNormalize(name: string): string {
  const dot = name.indexOf('.');
  const base = dot >= 0 ? name.slice(0, dot) : name;
  return base.indexOf('-') >= 0 ? base.replace(/-/g, '_') : base;
}

/** GNU basename(): the part after the last `/` (empty for a trailing slash). */
export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** path_to_modname(): `/lib/.../snd-hda-intel.ko` gives `snd_hda_intel`; null for an empty base. */
export function pathToModname(path: string): string | null {
  const base = basename(path);
  if (base === '') return null;
  return modnameNormalize(base);
}

/** path_ends_with_kmod_ext() for a build without compression support: only `.ko`. */
export function hasKoExtension(name: string): boolean {
  return name.length > 3 && name.endsWith('.ko');
}

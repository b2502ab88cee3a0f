// Index texts depmod_output() makes beside modules.dep (tools/depmod.c): the modules.builtin.alias
// stand-in, the warnings of filling modules.alias.bin, and modules.devname.
import { underscores } from './names.ts';
import { scanMajorMinor } from './scanf.ts';
import type { DepmodModule } from './depmod-core.ts';

/** A header key's values, in order. */
export const values = (m: DepmodModule, key: string): string[] => (m.info ?? []).filter(([k]) => k === key).map(([, v]) => v);

/**
 * The modules.builtin.alias.bin stand-in, read as output_builtin_alias_bin() reads
 * modules.builtin.modinfo: flush_stream_to() the module name up to '.', the key up to '=', the
 * value up to NUL, each stopping early at a NUL or the end (a newline counts as a NUL here, for
 * hand-written files). kmod's quirks follow: a last record without its NUL is dropped, and a
 * record whose key has no '=' makes the skip that follows swallow the next record. An alias
 * whose brackets do not match (alias_normalize() fails) is left out with a warning.
 */
export function builtinAliases(modinfo: string | null, warnings: string[]): string {
  if (modinfo === null) return '';
  let pos = 0;
  const stop = (c: string) => c === '\0' || c === '\n';
  /** Characters up to `end` (consumed), or null when a NUL or the end came first. */
  const to = (end: string): string | null => {
    const at = pos;
    while (pos < modinfo.length && modinfo[pos] !== end && !stop(modinfo[pos])) pos++;
    const ok = pos < modinfo.length && modinfo[pos] === end;
    const text = modinfo.slice(at, pos);
    if (pos < modinfo.length) pos++;
    return ok ? text : null;
  };
  let out = '';
  while (pos < modinfo.length) {
    const modname = to('.');
    if (!modname) continue;
    if (to('=') !== 'alias') {
      // flush_stream(in, '\0')
      while (pos < modinfo.length && !stop(modinfo[pos])) pos++;
      pos++;
      continue;
    }
    const value = to('\0');
    if (!value) continue;
    const key = underscores(value);
    if (key === null) warnings.push(`depmod: WARNING: Unmatched bracket in ${value}\n`);
    else out += `alias ${key} ${modname}\n`;
  }
  return out;
}

/**
 * What output_aliases_bin() says while it fills modules.alias.bin: an alias with unmatched
 * brackets is left out with a warning; with -w, a key that already holds the same module is a
 * "duplicate module alias" (index_add_value() compares the values).
 */
export function aliasBinWarnings(mods: DepmodModule[], warnDups: boolean): string[] {
  const out: string[] = [];
  const seen = new Map<string, Set<string>>();
  for (const m of mods) {
    for (const a of values(m, 'alias')) {
      const key = underscores(a);
      if (key === null) {
        out.push(`depmod: WARNING: Unmatched bracket in ${a}\n`);
        continue;
      }
      let vals = seen.get(key);
      if (!vals) seen.set(key, (vals = new Set()));
      if (vals.has(m.name) && warnDups) out.push(`depmod: WARNING: duplicate module alias:\n${key} ${m.name}\n`);
      vals.add(m.name);
    }
  }
  return out;
}

export function devnames(mods: DepmodModule[], errors: string[]): string {
  let out = '';
  for (const m of mods) {
    let devname: string | null = null;
    let dev = '';
    for (const a of values(m, 'alias')) {
      // sscanf(value, "char-major-%u-%u") then "block-major-%u-%u".
      const c = a.startsWith('devname:') ? null : scanMajorMinor(a, 'char-major-');
      const b = a.startsWith('devname:') || c ? null : scanMajorMinor(a, 'block-major-');
      if (a.startsWith('devname:')) devname = a.slice('devname:'.length);
      else if (c) dev = `c${c[0]}:${c[1]}`;
      else if (b) dev = `b${b[0]}:${b[1]}`;
      if (dev && devname !== null) break;
    }
    if (devname === null) continue;
    if (!dev) {
      errors.push(`depmod: ERROR: Module '${m.name}' has devname (${devname}) but lacks major and minor information. Ignoring.\n`);
      continue;
    }
    if (!out) out = '# Device nodes to trigger on-demand module loading.\n';
    out += `${m.name} ${devname} ${dev}\n`;
  }
  return out;
}


// modinfo's field printing (modinfo_do() and modinfo_params_do() in tools/modinfo.c): `key:`
// padded to 16 columns, or `key=value` with -0, or only the values of one field with -F.
// parm/parmtype pairs are merged per parameter and printed after the other fields, most recently
// first-seen parameter first (kmod prepends to its list).

interface Param {
  name: string;
  desc: string | null;
  type: string | null;
}

function addParam(params: Param[], key: string, value: string, errors: string[]): void {
  const colon = value.indexOf(':');
  if (colon < 0) {
    errors.push(`Found invalid "${key}=${value}": missing ':'\n`);
    return;
  }
  const name = value.slice(0, colon);
  let p = params.find((x) => x.name === name);
  if (!p) {
    p = { name, desc: null, type: null };
    params.unshift(p);
  }
  if (key === 'parm') p.desc = value.slice(colon + 1);
  else p.type = value.slice(colon + 1);
}

function split(s: string): [string, string] {
  const eq = s.indexOf('=');
  return eq < 0 ? [s, ''] : [s.slice(0, eq), s.slice(eq + 1)];
}

export function formatModinfo(info: readonly string[], field: string | null, sep: string): { text: string; errors: string[] } {
  const errors: string[] = [];
  const params: Param[] = [];
  let text = '';
  if (field === 'parm') {
    for (const [k, v] of info.map(split)) if (k === 'parm' || k === 'parmtype') addParam(params, k, v, errors);
    for (const p of params) {
      if (p.desc === null) text += `${p.name}: (${p.type})${sep}`;
      else if (p.type !== null) text += `${p.name}:${p.desc} (${p.type})${sep}`;
      else text += `${p.name}:${p.desc}${sep}`;
    }
    return { text, errors };
  }
  for (const [k, v] of info.map(split)) {
    if (field !== null) {
      if (k === field) text += `${v}${sep}`;
    } else if (k === 'parm' || k === 'parmtype') {
      addParam(params, k, v, errors);
    } else if (sep === '\0') {
      text += `${k}=${v}${sep}`;
    } else {
      text += `${k}:${' '.repeat(15 - Math.min(k.length, 15))}${v}${sep}`;
    }
  }
  if (field !== null) return { text, errors };
  const parm = 'parm:'.padEnd(16);
  for (const p of params) {
    if (p.desc === null) text += `${parm}${p.name}:${p.type}${sep}`;
    else if (p.type !== null) text += `${parm}${p.name}:${p.desc} (${p.type})${sep}`;
    else text += `${parm}${p.name}:${p.desc}${sep}`;
  }
  return { text, errors };
}

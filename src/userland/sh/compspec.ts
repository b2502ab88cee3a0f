// bash's COMPSPEC (pcomplete.h): what `complete` stores for a command and `compgen` evaluates.
// actions are bash's CA_* names; options its COPT_* names.

export interface CompSpec {
  actions: Set<string>;
  options: Set<string>;
  globpat?: string;
  words?: string;
  prefix?: string;
  suffix?: string;
  funcname?: string;
  command?: string;
  filterpat?: string;
}

/** compacts[] of complete.def: action name and its short option (''), in table order. */
export const COMPACTS: [string, string][] = [
  ['alias', 'a'], ['arrayvar', ''], ['binding', ''], ['builtin', 'b'], ['command', 'c'],
  ['directory', 'd'], ['disabled', ''], ['enabled', ''], ['export', 'e'], ['file', 'f'],
  ['function', ''], ['helptopic', ''], ['hostname', ''], ['group', 'g'], ['job', 'j'],
  ['keyword', 'k'], ['running', ''], ['service', 's'], ['setopt', ''], ['shopt', ''],
  ['signal', ''], ['stopped', ''], ['user', 'u'], ['variable', 'v'],
];

/** compopts[]: the -o option names, in table order. */
export const COMPOPTS = ['bashdefault', 'default', 'dirnames', 'filenames', 'noquote', 'nosort', 'nospace', 'plusdirs'];

/** The hash keys complete -D/-E/-I store under (pcomplete.h DEFAULTCMD, EMPTYCMD, INITIALWORD). */
export const DEFAULTCMD = '_DefaultCmD_';
export const EMPTYCMD = '_EmptycmD_';
export const INITIALWORD = '_InitialWorD_';

/** A copy of the table for a forked shell: names that shared one spec still share its copy. */
export function cloneSpecs(m: Map<string, CompSpec>): Map<string, CompSpec> {
  const seen = new Map<CompSpec, CompSpec>();
  const out = new Map<string, CompSpec>();
  for (const [k, cs] of m) {
    let c = seen.get(cs);
    if (!c) {
      c = { ...cs, actions: new Set(cs.actions), options: new Set(cs.options) };
      seen.set(cs, c);
    }
    out.set(k, c);
  }
  return out;
}

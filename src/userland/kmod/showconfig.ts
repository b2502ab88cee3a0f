// `modprobe -c` (show_config() in tools/modprobe.c): the configuration grouped by kind, then the
// alias and symbol indexes. Softdeps are re-rendered by libkmod's softdep_to_char(), which joins
// the pre and post lists with no space between them (`pre: a bpost: c`); that is what real
// kmod prints. The text is made when the line is parsed (SoftdepEntry.shown).
import type { Config } from './configset.ts';

export function renderConfig(c: Config): string {
  const out: string[] = [];
  for (const b of c.blacklists) out.push(`blacklist ${b}\n`);
  for (const e of c.installs) out.push(`install ${e.modname} ${e.command}\n`);
  for (const e of c.removes) out.push(`remove ${e.modname} ${e.command}\n`);
  for (const e of c.aliases) out.push(`alias ${e.pattern} ${e.modname}\n`);
  for (const e of c.options) out.push(`options ${e.modname} ${e.options}\n`);
  for (const e of c.softdeps) out.push(`softdep ${e.modname} ${e.shown}\n`);
  for (const e of c.weakdeps) out.push(`weakdep ${e.modname} ${e.weak.join(' ')}\n`);
  out.push('\n# End of configuration files. Dumping indexes now:\n\n');
  return out.join('');
}

// One modprobe.d file, parsed as libkmod's kmod_config_parse() does (libkmod/libkmod-config.c).
// Results are cached by the file's content string: a re-read of an unchanged file costs nothing.
import { wrappedLines } from './lines.ts';
import { underscores } from './names.ts';
import { BoundedCache } from './cache.ts';

export interface AliasEntry { pattern: string; modname: string }
export interface OptionsEntry { modname: string; options: string }
export interface CommandEntry { modname: string; command: string }
/** `shown` is the value `modprobe -c` prints (see parseSoftdepValue()). */
export interface SoftdepEntry { modname: string; pre: string[]; post: string[]; shown: string }
export interface WeakdepEntry { modname: string; weak: string[] }

/** Everything one source (a file, or the kernel command line) contributes, in order. */
export interface ConfigPart {
  aliases: AliasEntry[];
  blacklists: string[];
  options: OptionsEntry[];
  installs: CommandEntry[];
  removes: CommandEntry[];
  softdeps: SoftdepEntry[];
  weakdeps: WeakdepEntry[];
  /** libkmod ERR() texts, without prefix; `fn` is the C function that logs them. */
  errors: { fn: string; text: string }[];
}

export function emptyPart(): ConfigPart {
  return { aliases: [], blacklists: [], options: [], installs: [], removes: [], softdeps: [], weakdeps: [], errors: [] };
}

const DELIMS = ' \t';

/** strtok_r(NULL, "\t ", &save): the next word and the position after its one delimiter. */
function word(s: string, pos: number): [string | null, number] {
  while (pos < s.length && DELIMS.includes(s[pos])) pos++;
  if (pos >= s.length) return [null, s.length];
  const start = pos;
  while (pos < s.length && !DELIMS.includes(s[pos])) pos++;
  const tok = s.slice(start, pos);
  return [tok, pos < s.length ? pos + 1 : pos];
}

/** strtok_r(NULL, "\0", &save): the rest of the line as is, or null when nothing is left. */
function rest(s: string, pos: number): string | null {
  return pos < s.length ? s.slice(pos) : null;
}

/**
 * kmod_config_add_softdep(): words after `pre:` / `post:`; words before the first marker are
 * ignored. kmod copies the kept words into one buffer in the order they appear, and `modprobe -c`
 * (softdep_to_char()) prints each list as the stretch of that buffer from its first word to its
 * last, so `post: a pre: b post: c` is shown as `pre: bpost: a b c`: `shown` is that text.
 */
export function parseSoftdepValue(line: string): { pre: string[]; post: string[]; shown: string } {
  const pre: string[] = [];
  const post: string[] = [];
  const buf: string[] = [];
  const at = { pre: [-1, -1], post: [-1, -1] };
  let mode: 'none' | 'pre' | 'post' = 'none';
  for (const w of line.split(/[ \t\n\v\f\r]+/)) {
    if (w === '') continue;
    if (w === 'pre:') mode = 'pre';
    else if (w === 'post:') mode = 'post';
    else if (mode !== 'none') {
      (mode === 'pre' ? pre : post).push(w);
      if (at[mode][0] < 0) at[mode][0] = buf.length;
      at[mode][1] = buf.length;
      buf.push(w);
    }
  }
  const span = ([a, b]: number[]) => buf.slice(a, b + 1).join(' ');
  const shown = (pre.length ? `pre: ${span(at.pre)}` : '') + (post.length ? `post: ${span(at.post)}` : '');
  return { pre, post, shown };
}

function parseUncached(content: string, filename: string): ConfigPart {
  const part = emptyPart();
  const bad = (line: number, cmd: string) =>
    part.errors.push({ fn: 'kmod_config_parse', text: `${filename} line ${line}: ignoring bad line starting with '${cmd}'` });
  for (const logical of wrappedLines(content)) {
    // freadline_wrapped() stores a NUL byte like any other, but kmod_config_parse() then reads
    // the line as a C string: it ends at the first NUL (a line starting with one is empty).
    const nul = logical.text.indexOf('\0');
    const text = nul < 0 ? logical.text : logical.text.slice(0, nul);
    const line = logical.line;
    if (text === '' || text[0] === '#') continue;
    const [cmd, p1] = word(text, 0);
    if (cmd === null) continue;
    const [name, p2] = word(text, p1);
    const modname = name === null ? null : underscores(name);
    switch (cmd) {
      case 'alias': {
        const [target] = word(text, p2);
        const mod = target === null ? null : underscores(target);
        if (modname === null || mod === null) bad(line, cmd);
        else part.aliases.push({ pattern: modname, modname: mod });
        break;
      }
      case 'blacklist':
        if (modname === null) bad(line, cmd);
        else part.blacklists.push(modname);
        break;
      case 'options':
      case 'install':
      case 'remove':
      case 'softdep':
      case 'weakdep': {
        const value = rest(text, p2);
        if (modname === null || value === null) {
          bad(line, cmd);
        } else if (cmd === 'options') {
          // kmod_config_add_options() turns tabs into spaces; everything else stays verbatim.
          part.options.push({ modname, options: value.replace(/\t/g, ' ') });
        } else if (cmd === 'install') {
          part.installs.push({ modname, command: value });
        } else if (cmd === 'remove') {
          part.removes.push({ modname, command: value });
        } else if (cmd === 'softdep') {
          part.softdeps.push({ modname, ...parseSoftdepValue(value) });
        } else {
          part.weakdeps.push({ modname, weak: value.split(/[ \t\n\v\f\r]+/).filter((w) => w !== '') });
        }
        break;
      }
      case 'include':
      case 'config':
        part.errors.push({ fn: 'kmod_config_parse', text: `${filename}: command ${cmd} is deprecated and not parsed anymore` });
        break;
      default:
        bad(line, cmd);
    }
  }
  return part;
}

// Keyed by the content string itself (its hash is computed once per string); the error texts
// name the file, so a hit for another file name is parsed again.
const cache = new BoundedCache<{ filename: string; part: ConfigPart }>(256);

/** Parse one config file; the result is shared and must not be mutated. */
export function parseConfigFile(content: string, filename: string): ConfigPart {
  const hit = cache.get(content);
  if (hit && hit.filename === filename) return hit.part;
  const part = parseUncached(content, filename);
  cache.set(content, { filename, part });
  return part;
}

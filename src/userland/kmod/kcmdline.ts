// The kernel command line as a config source: libkmod's kmod_config_parse_kcmdline() state
// machine, step for step. `mod.param` and `mod.param=value` become `options mod param[=value]`
// (module name through underscores()); `modprobe.blacklist=a,b` adds blacklist entries. Quotes
// may enclose a value, or (as some bootloaders pass it) the whole `"mod.param=a b"` word, which
// is re-quoted as `param="a b"`. Anything else (words without a dot, a dot after `=`, quotes in
// the name) is ignored.
import { emptyPart, type ConfigPart } from './config.ts';
import { underscores } from './names.ts';
import { BoundedCache } from './cache.ts';

/** KCMD_LINE_SIZE: libkmod reads at most 4095 bytes of /proc/cmdline. */
const KCMD_LINE_SIZE = 4096;

const enum S { Ignore, Modname, Param, Value, Complete }

function result(part: ConfigPart, modname: string, param: string): void {
  if (modname === 'modprobe' && param.startsWith('blacklist=')) {
    for (const t of param.slice('blacklist='.length).split(',')) part.blacklists.push(t);
    return;
  }
  const name = underscores(modname);
  if (name === null) {
    part.errors.push({
      fn: 'kcmdline_parse_result',
      text: `Ignoring bad option on kernel command line while parsing module name: '${failedUnderscores(modname)}'`,
    });
  } else {
    part.options.push({ modname: name, options: param });
  }
}

/**
 * The name as a failed underscores() leaves it: the C function rewrites `-` in place as it goes,
 * so the dashes before the bad bracket are already `_` when the error prints the name.
 */
function failedUnderscores(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === ']') return out + s.slice(i);
    if (s[i] === '[') {
      const close = s.indexOf(']', i);
      if (close < 0) return out + s.slice(i);
      out += s.slice(i, close + 1);
      i = close;
    } else {
      out += s[i] === '-' ? '_' : s[i];
    }
  }
  return out;
}

/** C-string view of buf from index i up to the next NUL. */
function cstr(buf: string[], i: number): string {
  let s = '';
  for (; i < buf.length && buf[i] !== '\0'; i++) s += buf[i];
  return s;
}

function parseUncached(content: string): ConfigPart {
  const part = emptyPart();
  const buf = (content.length >= KCMD_LINE_SIZE ? content.slice(0, KCMD_LINE_SIZE - 1) : content).split('');
  buf.push('\0');
  let state = S.Modname;
  let quoteStart = -1;
  let modname = 0;
  let param = -1;
  let value = -1;
  let quoted = false;
  for (let p = 0, iter = true; iter; p++) {
    const c = buf[p];
    switch (c) {
      case '"':
        quoted = !quoted;
        // A quote may only open at the very start of a word; anywhere else outside a value
        // the word is ill-formed.
        if (quoted && state === S.Modname && p === modname) {
          quoteStart = p;
          modname = p + 1;
        } else if (state !== S.Value) {
          state = S.Ignore;
        }
        break;
      case '\0':
      case ' ':
      case '\n':
      case '\t':
      case '\v':
      case '\f':
      case '\r':
        if (c === '\0') iter = false;
        if (quoted && state === S.Value) {
          // spaces inside a quoted value
        } else if (quoted) {
          state = S.Ignore;
        } else if (state === S.Value || state === S.Param) {
          buf[p] = '\0';
          state = S.Complete;
        } else {
          modname = p + 1;
          state = S.Modname;
          quoteStart = -1;
        }
        break;
      case '.':
        if (state === S.Modname) {
          buf[p] = '\0';
          param = p + 1;
          state = S.Param;
        } else if (state === S.Param) {
          state = S.Ignore;
        }
        break;
      case '=':
        if (state === S.Param) {
          value = p + 1;
          state = S.Value;
        } else if (state === S.Modname) {
          state = S.Ignore;
        }
        break;
    }
    if (state === S.Complete) {
      if (quoteStart >= 0 && quoteStart < modname) {
        // Un-mangle `"mod.param=a b"` into `mod\0param="a b"` by moving the head left by one.
        for (let i = modname; i < value; i++) buf[i - 1] = buf[i];
        value--;
        modname--;
        param--;
        buf[value] = '"';
      }
      result(part, cstr(buf, modname), cstr(buf, param));
      modname = p + 1;
      state = S.Modname;
      quoteStart = -1;
    }
  }
  return part;
}

const cache = new BoundedCache<ConfigPart>(8);

/** Parse /proc/cmdline; the result is shared and must not be mutated. */
export function parseKcmdline(content: string): ConfigPart {
  let part = cache.get(content);
  if (!part) {
    part = parseUncached(content);
    cache.set(content, part);
  }
  return part;
}

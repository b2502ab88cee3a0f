// bash's history expansion (lib/readline/histexpand.c) for interactive lines: event
// designators !! !n !-n !string !?string? and ^old^new^, word designators (:0 :n :^ :$ :* :x-y
// and the !$ !^ !* shorthands) and the modifiers :h :t :r :e :p :s/old/new/ :gs/old/new/.

export interface HistResult {
  line: string;
  changed: boolean;
  /** :p — print the result, do not run it. */
  printOnly: boolean;
  error?: string;
}

/** The words of a history line, as history_tokenize splits them (quotes kept together). */
function words(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i])) i++;
    if (i >= line.length) break;
    const start = i;
    if ('|&;<>()'.includes(line[i])) {
      const two = line.slice(i, i + 2);
      i += ['||', '&&', ';;', '>>', '<<', '>&', '<&', '&>'].includes(two) ? 2 : 1;
      out.push(line.slice(start, i));
      continue;
    }
    while (i < line.length && !/\s/.test(line[i]) && !'|&;<>()'.includes(line[i])) {
      const c = line[i];
      if (c === '\\') { i += 2; continue; }
      if (c === "'" || c === '"') {
        const close = line.indexOf(c, i + 1);
        i = close < 0 ? line.length : close + 1;
        continue;
      }
      i++;
    }
    out.push(line.slice(start, i));
  }
  return out;
}

/** A word designator (after the ':' or the shorthand character) at s[i]; [text, end] or an error. */
function wordDesignator(ws: string[], s: string, i: number): [string, number] | string {
  const last = ws.length - 1;
  const num = (): number | null => {
    const m = /^\d+/.exec(s.slice(i));
    if (!m) return null;
    i += m[0].length;
    return Number(m[0]);
  };
  let from: number;
  let to: number;
  const c = s[i];
  if (c === '^') { from = to = 1; i++; } else if (c === '$') { from = to = last; i++; } else if (c === '*') {
    i++;
    return [ws.slice(1).join(' '), i];
  } else if (c === '%') {
    return 'bad word specifier';
  } else {
    const n = c === '-' ? 0 : num();
    if (n === null) return 'bad word specifier';
    from = n;
    to = n;
    if (s[i] === '*') { i++; to = last; } else if (s[i] === '-') {
      i++;
      const m = num();
      if (m !== null) to = m;
      else if (s[i] === '$') { i++; to = last; } else to = last - 1;
    }
  }
  if (from < 0 || to > last || from > to + 1 || from > last) return 'bad word specifier';
  return [ws.slice(from, to + 1).join(' '), i];
}

/** Apply :h :t :r :e :p :s :gs modifiers starting at s[i]; [text, end, printOnly]. */
function modifiers(text: string, s: string, i: number, last: { sub: [string, string] | null }): [string, number, boolean] | string {
  let print = false;
  while (s[i] === ':') {
    let g = false;
    let k = i + 1;
    if (s[k] === 'g' || s[k] === 'a') { g = true; k++; }
    const m = s[k];
    if (m === 'h') { const j = text.lastIndexOf('/'); if (j > 0) text = text.slice(0, j); i = k + 1; continue; }
    if (m === 't') { text = text.slice(text.lastIndexOf('/') + 1); i = k + 1; continue; }
    if (m === 'r') { const j = text.lastIndexOf('.'); if (j > text.lastIndexOf('/')) text = text.slice(0, j); i = k + 1; continue; }
    if (m === 'e') { const j = text.lastIndexOf('.'); text = j > text.lastIndexOf('/') ? text.slice(j) : ''; i = k + 1; continue; }
    if (m === 'p') { print = true; i = k + 1; continue; }
    if (m === 's' || m === '&') {
      let oldS: string;
      let newS: string;
      if (m === 's') {
        const d = s[k + 1];
        if (d === undefined) return 'bad word specifier';
        let j = k + 2;
        const field = (): string => {
          let f = '';
          while (j < s.length && s[j] !== d) {
            if (s[j] === '\\' && s[j + 1] === d) j++;
            f += s[j++];
          }
          if (s[j] === d) j++;
          return f;
        };
        oldS = field();
        newS = field();
        if (oldS === '' && last.sub) oldS = last.sub[0];
        last.sub = [oldS, newS];
        i = j;
      } else {
        if (!last.sub) return 'no previous substitution';
        [oldS, newS] = last.sub;
        i = k + 1;
      }
      const rep = newS.replace(/&/g, oldS);
      if (oldS === '' || !text.includes(oldS)) return 'substitution failed';
      text = g ? text.split(oldS).join(rep) : text.replace(oldS, rep);
      continue;
    }
    break;
  }
  return [text, i, print];
}

/** history_expand(): the line with its ! references replaced, numbering entries from base+1. */
export function histExpand(hist: readonly string[], line: string, base = 0): HistResult {
  const res: HistResult = { line, changed: false, printOnly: false };
  const lastSub = { sub: null as [string, string] | null };
  if (line[0] === '^') {
    // ^old^new^ is !!:s^old^new^
    line = `!!:s${line}`;
  }
  if (!line.includes('!')) return res;
  let out = '';
  let sq = false;
  let dq = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && !sq) { out += c + (line[i + 1] ?? ''); i++; continue; }
    if (c === "'" && !dq) { sq = !sq; out += c; continue; }
    if (c === '"') { dq = !dq; out += c; continue; }
    if (c !== '!' || sq) { out += c; continue; }
    const n = line[i + 1];
    if (n === undefined || ' \t\n\r=('.includes(n) || (dq && n === '"')) { out += c; continue; }
    // The event.
    let j = i + 1;
    let ev: string | undefined;
    let spec: string;
    if (n === '!') { ev = hist[hist.length - 1]; j++; spec = '!!'; } else if (/[0-9]/.test(n) || (n === '-' && /[0-9]/.test(line[i + 2] ?? ''))) {
      const m = /^-?\d+/.exec(line.slice(j))!;
      j += m[0].length;
      const k = Number(m[0]);
      ev = k < 0 ? hist[hist.length + k] : hist[k - 1 - base];
      spec = `!${m[0]}`;
    } else if (n === '?') {
      const close = line.indexOf('?', j + 1);
      const str = line.slice(j + 1, close < 0 ? line.length : close);
      j = close < 0 ? line.length : close + 1;
      for (let k = hist.length - 1; k >= 0; k--) if (hist[k].includes(str)) { ev = hist[k]; break; }
      spec = `!?${str}`;
    } else if ('^$*:%'.includes(n)) {
      // !$ !^ !* !:n refer to the previous command.
      ev = hist[hist.length - 1];
      spec = '!';
    } else {
      const m = /^[^\s:;&|<>()"'`]+/.exec(line.slice(j));
      const str = m ? m[0] : '';
      j += str.length;
      for (let k = hist.length - 1; k >= 0; k--) if (hist[k].startsWith(str)) { ev = hist[k]; break; }
      spec = `!${str}`;
    }
    if (ev === undefined) {
      res.error = `${spec}: event not found`;
      return res;
    }
    let text = ev;
    if (line[j] === ':' || (spec === '!' && '^$*%'.includes(line[j]))) {
      const at = line[j] === ':' ? j + 1 : j;
      if (line[j] === ':' && !/[0-9^$*%-]/.test(line[at] ?? '')) {
        // A modifier straight after the event (!!:s/a/b/).
      } else {
        const r = wordDesignator(words(ev), line, at);
        if (typeof r === 'string') {
          res.error = `${line.slice(j, at) + (/^[0-9]+|^./.exec(line.slice(at))?.[0] ?? '')}: ${r}`;
          return res;
        }
        [text, j] = r;
      }
    }
    const r = modifiers(text, line, j, lastSub);
    if (typeof r === 'string') {
      res.error = `${r === 'substitution failed' ? `:s${line.slice(j + 2)}` : line.slice(j)}: ${r}`;
      return res;
    }
    [text, j] = r;
    if (r[2]) res.printOnly = true;
    out += text;
    i = j - 1;
    res.changed = true;
  }
  res.line = out;
  return res;
}

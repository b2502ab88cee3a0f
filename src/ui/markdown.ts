// A small Markdown renderer for the examples' descriptions: headings, paragraphs, lists, fenced
// code, inline code, bold, italic and links. It builds DOM nodes (never innerHTML), so an
// imported scenario cannot inject markup.

function inline(text: string, into: HTMLElement): void {
  const re = /(`[^`]+`)|(\*\*[^*]+\*\*)|(\*[^*\s][^*]*\*|_[^_\s][^_]*_)|(\[[^\]]+\]\([^)\s]+\))/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) into.append(text.slice(last, m.index));
    const tok = m[0];
    if (m[1]) {
      const c = document.createElement('code');
      c.textContent = tok.slice(1, -1);
      into.append(c);
    } else if (m[2]) {
      const b = document.createElement('strong');
      inline(tok.slice(2, -2), b);
      into.append(b);
    } else if (m[3]) {
      const i = document.createElement('em');
      inline(tok.slice(1, -1), i);
      into.append(i);
    } else {
      const close = tok.indexOf('](');
      const href = tok.slice(close + 2, -1);
      if (/^(https?:|#|\.\/|\/)/.test(href)) {
        const a = document.createElement('a');
        a.href = href;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        inline(tok.slice(1, close), a);
        into.append(a);
      } else {
        into.append(tok);
      }
    }
    last = m.index + tok.length;
  }
  if (last < text.length) into.append(text.slice(last));
}

export function renderMarkdown(md: string, into: HTMLElement): void {
  into.replaceChildren();
  const lines = md.replace(/\r\n/g, '\n').split('\n');
  let para: string[] = [];
  let list: HTMLElement | null = null;
  const flush = (): void => {
    if (para.length) {
      const p = document.createElement('p');
      inline(para.join(' '), p);
      into.append(p);
      para = [];
    }
    list = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^```/.test(line)) {
      flush();
      const body: string[] = [];
      for (i++; i < lines.length && !/^```/.test(lines[i]); i++) body.push(lines[i]);
      const pre = document.createElement('pre');
      const code = document.createElement('code');
      code.textContent = body.join('\n');
      pre.append(code);
      into.append(pre);
      continue;
    }
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    if (h) {
      flush();
      const el = document.createElement(`h${Math.min(3, h[1].length + 1)}`);
      inline(h[2], el);
      into.append(el);
      continue;
    }
    const li = /^\s*(?:[-*+]|(\d+)[.)])\s+(.*)$/.exec(line);
    if (li) {
      if (para.length) flush();
      const ordered = li[1] !== undefined;
      if (!list || (list.tagName === 'OL') !== ordered) {
        list = document.createElement(ordered ? 'ol' : 'ul');
        into.append(list);
      }
      const item = document.createElement('li');
      inline(li[2], item);
      list.append(item);
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    if (list && /^\s+/.test(line)) {
      inline(` ${line.trim()}`, list.lastElementChild as HTMLElement);
      continue;
    }
    list = null;
    para.push(line.trim());
  }
  flush();
}

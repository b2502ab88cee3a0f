// Banners under the toolbar (one per topic: a link, the tabs, an update): text and buttons,
// built as DOM nodes; null removes the topic's banner.

export function showBanner(topic: string, text: string | null, actions: [string, () => void][] = [], tone: 'info' | 'warn' = 'info'): void {
  const id = `banner-${topic}`;
  document.getElementById(id)?.remove();
  if (text === null) return;
  const div = document.createElement('div');
  div.id = id;
  div.className = tone === 'warn' ? 'banner warn' : 'banner';
  div.setAttribute('role', 'status');
  const p = document.createElement('p');
  p.textContent = text;
  div.append(p);
  for (const [label, fn] of actions) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', fn);
    div.append(b);
  }
  const anchor = document.getElementById('status');
  if (anchor?.parentElement) anchor.after(div);
  else document.body.prepend(div);
}

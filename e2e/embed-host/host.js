// The third-party page's own script: load <khelper-playground> from the playground under test
// (?app=URL), add a raw iframe whose ?origin= names another site, and keep every message that
// reaches this window (window.__messages) for the test to read.
const app = new URL(new URLSearchParams(location.search).get('app'));
window.__messages = [];
window.addEventListener('message', (ev) => {
  if (ev.origin === app.origin) window.__messages.push(ev.data);
});
const s = document.createElement('script');
s.src = new URL('khelper-embed.js', app).href;
document.head.append(s);
const f = document.createElement('iframe');
f.id = 'raw';
f.title = 'khelper with another peer';
f.src = new URL('?embed&view=console&example=basic-autoload&origin=https://peer.example', app).href;
f.style.width = '100%';
f.style.height = '200px';
document.getElementById('c').append(f);

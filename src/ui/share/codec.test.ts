import { describe, expect, it } from 'vitest';
import { compressToEncodedURIComponent } from 'lz-string';
import { decodeLink, encodeLink, readSettings, LINK_VERSION } from './codec.ts';

const doc = { version: 1, name: 'x', kernel: { profile: '2.6.20', threadsMax: 20 }, files: { '/root/a b': 'ünïcode "quoted" & #hash\n' }, steps: [{ sh: 'cat "/root/a b"' }] };
const json = JSON.stringify(doc);

function split(url: string): { search: string; hash: string } {
  const u = new URL(url);
  return { search: u.search, hash: u.hash };
}

describe('share link codec', () => {
  it('round-trips a scenario through the current link version', () => {
    const url = encodeLink('https://example.org/sub/', json, {});
    expect(url).toMatch(/^https:\/\/example\.org\/sub\/#s=1:[A-Za-z0-9+$-]+$/);
    const { search, hash } = split(url);
    const d = decodeLink(search, hash);
    expect(d).toEqual({ kind: 'ok', version: LINK_VERSION, json, settings: {} });
  });

  it('opens a version-0 link (raw percent-encoded JSON), the older form', () => {
    const url = `https://example.org/#s=0:${encodeURIComponent(json)}`;
    const d = decodeLink('', new URL(url).hash);
    expect(d.kind === 'ok' && JSON.parse(d.json)).toEqual(doc);
    expect(d.kind === 'ok' && d.version).toBe(0);
    // The encoder still writes it, for tests and hand-made links.
    expect(encodeLink('https://h/', json, {}, 0)).toBe(url.replace('example.org', 'h'));
  });

  it('compresses: the lz-string form is much shorter than the raw form', () => {
    const big = JSON.stringify({ ...doc, description: 'request_module '.repeat(200) });
    expect(encodeLink('', big, {}).length).toBeLessThan(encodeLink('', big, {}, 0).length / 4);
  });

  it('puts settings in the query; the query profile and view win over the scenario', () => {
    const url = encodeLink('https://h/', json, { profile: '6.6', view: 'dmesg', speed: 'max', autorun: false });
    expect(url).toMatch(/^https:\/\/h\/\?profile=6\.6&view=dmesg&speed=max&autorun=0#s=1:/);
    const { search, hash } = split(url);
    const d = decodeLink(search, hash);
    if (d.kind !== 'ok') throw new Error(d.kind);
    expect(d.settings).toEqual({ profile: '6.6', view: 'dmesg', speed: 'max', autorun: false });
    const out = JSON.parse(d.json) as typeof doc & { view: unknown };
    expect(out.kernel).toEqual({ profile: '6.6', threadsMax: 20 });
    expect(out.view).toEqual({ panel: 'dmesg' });
    expect(out.files).toEqual(doc.files);
  });

  it('ignores query values it does not understand', () => {
    expect(readSettings('?profile=3.0&view=<b>&speed=-1&theme=dark&font=20')).toEqual({});
    expect(readSettings('?speed=0.5&autorun=yes')).toEqual({ speed: 0.5, autorun: true });
  });

  it('refuses damaged, newer and oversized links with a message', () => {
    expect(decodeLink('', '#other=1')).toEqual({ kind: 'none' });
    expect(decodeLink('', '')).toEqual({ kind: 'none' });
    expect(decodeLink('', '#s=garbage')).toMatchObject({ kind: 'error', message: expect.stringContaining('no version') });
    expect(decodeLink('', '#s=7:abc')).toMatchObject({ kind: 'error', message: expect.stringContaining('newer khelper (link format 7; this page reads up to 1)') });
    expect(decodeLink('', '#s=1:')).toMatchObject({ kind: 'error', message: expect.stringContaining('damaged') });
    expect(decodeLink('', '#s=0:%E0%A4%A')).toMatchObject({ kind: 'error', message: expect.stringContaining('damaged') });
    expect(decodeLink('', `#s=1:${'A'.repeat((1 << 20) + 1)}`)).toMatchObject({ kind: 'error', message: expect.stringContaining('too long') });
    // A small payload that inflates past the limit (the real limit is 2 MiB).
    const bomb = compressToEncodedURIComponent('x'.repeat(5000));
    expect(bomb.length).toBeLessThan(200);
    expect(decodeLink('', `#s=1:${bomb}`, { payload: 1 << 20, json: 4096 })).toMatchObject({ kind: 'error', message: expect.stringContaining('larger than 4096 bytes') });
  });

  it('leaves a payload that is not a scenario object for the scenario reader to refuse', () => {
    const d = decodeLink('?profile=6.6', `#s=0:${encodeURIComponent('[1,2]')}`);
    expect(d).toMatchObject({ kind: 'ok', json: '[1,2]' });
  });
});

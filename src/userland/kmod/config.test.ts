import { describe, expect, it } from 'vitest';
import { parseConfigFile, parseSoftdepValue } from './config.ts';
import { type Config, mergeConfig } from './configset.ts';

const parse = (text: string, file = '/etc/modprobe.d/t.conf') => parseConfigFile(text, file);
const bad = (file: string, line: number, word: string) => ({
  fn: 'kmod_config_parse',
  text: `${file} line ${line}: ignoring bad line starting with '${word}'`,
});

describe('modprobe.d parsing (kmod_config_parse)', () => {
  it('fact 10: comments only with # in the first column; an indented # is a bad line', () => {
    const p = parse('# comment\n  # indented\noptions x a=1 # note\n');
    expect(p.options).toEqual([{ modname: 'x', options: 'a=1 # note' }]);
    expect(p.errors).toEqual([bad('/etc/modprobe.d/t.conf', 2, '#')]);
  });

  it('fact 10: a bad line names its file, last physical line and first word; parsing goes on', () => {
    const p = parse('alias a b\nfrobnicate x \\\n y\nblacklist z\n', '/etc/modprobe.d/q.conf');
    expect(p.errors).toEqual([bad('/etc/modprobe.d/q.conf', 3, 'frobnicate')]);
    expect(p.aliases).toEqual([{ pattern: 'a', modname: 'b' }]);
    expect(p.blacklists).toEqual(['z']);
  });

  it('fact 10: missing fields and invalid names are bad lines', () => {
    const p = parse('options x\nalias only\ninstall x\nremove y \nsoftdep z\nweakdep w\nblacklist\nalias a] b\nalias [a b\n');
    expect(p.errors.map((e) => e.text.replace(/.* line (\d+): .*'(.*)'$/, '$1 $2'))).toEqual([
      '1 options', '2 alias', '3 install', '4 remove', '5 softdep', '6 weakdep', '7 blacklist', '8 alias', '9 alias',
    ]);
  });

  it('fact 10: include and config are reported as deprecated', () => {
    expect(parse('include /etc/foo\nconfig x\n').errors.map((e) => e.text)).toEqual([
      '/etc/modprobe.d/t.conf: command include is deprecated and not parsed anymore',
      '/etc/modprobe.d/t.conf: command config is deprecated and not parsed anymore',
    ]);
  });

  it('fact 8: name fields are normalized (dashes outside brackets), values are not', () => {
    const p = parse('alias net-turbo eth-fast\noptions eth-fast mode=a-b\ninstall lum[-_]x /bin/true a-b\n');
    expect(p.aliases).toEqual([{ pattern: 'net_turbo', modname: 'eth_fast' }]);
    expect(p.options).toEqual([{ modname: 'eth_fast', options: 'mode=a-b' }]);
    expect(p.installs).toEqual([{ modname: 'lum[-_]x', command: '/bin/true a-b' }]);
  });

  it('options keep extra spaces after the one separator, and tabs become spaces', () => {
    expect(parse('options x  a=1\tb=2\n').options).toEqual([{ modname: 'x', options: ' a=1 b=2' }]);
  });

  it('alias ignores extra words; blacklist ignores extra words', () => {
    const p = parse('alias a b c\nblacklist x y\n');
    expect(p.aliases).toEqual([{ pattern: 'a', modname: 'b' }]);
    expect(p.blacklists).toEqual(['x']);
  });

  it('softdep: pre:/post: as separate words, any order, repeated; words before the first marker ignored', () => {
    expect(parseSoftdepValue('junk pre: a b post: c pre: d')).toEqual({ pre: ['a', 'b', 'd'], post: ['c'], shown: 'pre: a b c dpost: c' });
    expect(parseSoftdepValue('pre:a post:')).toEqual({ pre: [], post: [], shown: '' });
  });

  it('weakdep keeps its targets as written', () => {
    expect(parse('weakdep mod-loop-b mod-loop-a mod-simple\n').weakdeps).toEqual([
      { modname: 'mod_loop_b', weak: ['mod-loop-a', 'mod-simple'] },
    ]);
  });

  it('an unchanged file is parsed once (cached by content)', () => {
    const text = 'alias cached-one x\n';
    expect(parse(text)).toBe(parse(text));
    expect(parse(text, '/other.conf')).not.toBe(parse(text));
  });
});

describe('merged configuration lookups', () => {
  const cfg = (text: string): Config => mergeConfig([parseConfigFile(text, '/t.conf')]);

  it('fact 7: aliases match with fnmatch and every hit counts, in file order', () => {
    const c = cfg('alias twist a\nalias tw* b\nalias twist c\nalias other d\n');
    expect(c.aliasesFor('twist').map((a) => a.modname)).toEqual(['a', 'b', 'c']);
  });

  it('fact 12: the first install line whose name fnmatches wins', () => {
    const c = cfg('install lum* /bin/first\ninstall lum-x /bin/second\n');
    expect(c.installFor('lum_x')).toBe('/bin/first');
    expect(c.commandByName('lum_x')).toEqual({ install: '/bin/second' });
  });

  it('fact 15: only the first matching softdep line is used', () => {
    const c = cfg('softdep m pre: a\nsoftdep m post: b\n');
    expect(c.softdepFor('m')).toEqual({ modname: 'm', pre: ['a'], post: [], shown: 'pre: a' });
  });

  it('fact 11: options for the real name and for the alias, in file order', () => {
    const c = cfg('options al x=1\noptions real y=2\noptions al z=3\n');
    expect(c.optionsFor('real', 'al')).toBe('x=1 y=2 z=3');
    expect(c.optionsFor('real', null)).toBe('y=2');
  });

  it('test-blacklist blacklist_1: the match is exact, so pcspkr2 survives', () => {
    const c = cfg('blacklist floppy\nblacklist pcspkr\n');
    expect(['pcspkr', 'pcspkr2', 'floppy', 'ext4'].filter((n) => !c.isBlacklisted(n))).toEqual(['pcspkr2', 'ext4']);
  });
});

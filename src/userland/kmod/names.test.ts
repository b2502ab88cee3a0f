import { describe, expect, it } from 'vitest';
import { modnameNormalize, pathToModname, underscores } from './names.ts';

describe('module name normalisation (shared/util.c)', () => {
  // kmod testsuite test-util.c test_underscores
  it.each([
    ['aa-bb-cc_', 'aa_bb_cc_'],
    ['-aa-bb-cc-', '_aa_bb_cc_'],
    ['-aa[-bb-]cc-', '_aa[-bb-]cc_'],
    ['-aa-[bb]-cc-', '_aa_[bb]_cc_'],
    ['-aa-[b-b]-cc-', '_aa_[b-b]_cc_'],
    ['-aa-b[-]b-cc', '_aa_b[-]b_cc'],
  ])('test_underscores: %s -> %s', (input, want) => {
    expect(underscores(input)).toBe(want);
  });

  // kmod testsuite test-util.c alias_1: alias_normalize keeps bracket expressions intact
  it.each(['test1234', 'test[abcfoobar]2211', 'bar[aaa][bbbb]sss', 'kmod[p.b]lib', '[az]1234[AZ]'])(
    'alias_1: %s is kept as is',
    (alias) => {
      expect(underscores(alias)).toBe(alias);
    },
  );

  it('fact 8: an unmatched ] or an unclosed [ makes the name invalid', () => {
    expect(underscores('a]b')).toBeNull();
    expect(underscores('a[b')).toBeNull();
    expect(underscores('a[-b]-c')).toBe('a[-b]_c');
  });

  // kmod testsuite test-new-module.c from_name
  it.each([
    ['ext4', 'ext4'],
    ['balbalbalbbalbalbalbalbalbalbal', 'balbalbalbbalbalbalbalbalbalbal'],
    ['snd-hda-intel', 'snd_hda_intel'],
    ['snd-timer', 'snd_timer'],
    ['iTCO_wdt', 'iTCO_wdt'],
  ])('from_name: %s -> %s (case kept, dashes become underscores)', (name, want) => {
    expect(modnameNormalize(name)).toBe(want);
  });

  it('fact 8: the module name is the file base name up to the first dot', () => {
    expect(pathToModname('/lib/modules/6.1.0/kernel/drivers/input/touch-pad.ko')).toBe('touch_pad');
    expect(pathToModname('a.b.ko')).toBe('a');
    expect(pathToModname('/x/')).toBeNull();
  });
});

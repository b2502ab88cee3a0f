import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnostics.ts';

describe('editor diagnostics', () => {
  it("underline the lines kmod_config_parse rejects, with kmod's message", () => {
    const conf = '# comment\nalias fs-foo vfat\nalias lonely\nfrobnicate x\n options ok y\n';
    expect(diagnose('/etc/modprobe.d/x.conf', conf)).toEqual([
      { line: 3, severity: 'error', message: "kmod_config_parse: /etc/modprobe.d/x.conf line 3: ignoring bad line starting with 'alias'" },
      { line: 4, severity: 'error', message: "kmod_config_parse: /etc/modprobe.d/x.conf line 4: ignoring bad line starting with 'frobnicate'" },
    ]);
  });

  it('name the last physical line of a continued line, as kmod does', () => {
    expect(diagnose('/lib/modprobe.d/a.conf', 'bogus \\\nword\n').map((d) => d.line)).toEqual([2]);
  });

  it('mark deprecated commands as warnings on their own lines', () => {
    const d = diagnose('/etc/modprobe.d/old.conf', 'alias a b\ninclude /etc/other\n');
    expect(d).toEqual([{ line: 2, severity: 'warning', message: 'kmod_config_parse: /etc/modprobe.d/old.conf: command include is deprecated and not parsed anymore' }]);
  });

  it('warn that modprobe skips files not named *.conf, and ignore files elsewhere', () => {
    expect(diagnose('/etc/modprobe.d/notes.txt', 'garbage\n')[0]).toMatchObject({ line: 1, severity: 'warning' });
    expect(diagnose('/etc/other.conf', 'garbage\n')).toEqual([]);
    expect(diagnose('/etc/modprobe.d/sub/x.conf', 'garbage\n')).toEqual([]);
  });

  it('report the .ko loader\'s first error with its line', () => {
    expect(diagnose('/root/m.ko', 'license=GPL\n[init]\nprintk KERN_INFO hi\n')).toEqual([]);
    const d = diagnose('/root/m.ko', 'license=GPL\nnot a key\n');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ line: 2, severity: 'error' });
    expect(d[0].message).toContain("expected key=value, [init] or [exit], got 'not a key'");
  });
});

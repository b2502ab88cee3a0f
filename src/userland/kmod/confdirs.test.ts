import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG_PATHS, isConfName, orderConfFiles } from './confdirs.ts';

const dir = (path: string, names: string[], dirs: string[] = []) => ({
  path,
  kind: 'dir' as const,
  entries: [...names.map((name) => ({ name, type: 'file' as const })), ...dirs.map((name) => ({ name, type: 'dir' as const }))],
});

describe('configuration files and their order (conf_files_list)', () => {
  it('fact 9: the search list is /etc, /run, /usr/local/lib, /usr/lib, /lib + modprobe.d, in that priority', () => {
    expect(DEFAULT_CONFIG_PATHS).toEqual(['/etc/modprobe.d', '/run/modprobe.d', '/usr/local/lib/modprobe.d', '/usr/lib/modprobe.d', '/lib/modprobe.d']);
  });

  it('fact 9: only *.conf with a character before the suffix, and no dot-files', () => {
    expect(['a.conf', '.conf', '.hidden.conf', 'x.conf~', 'conf', 'b.confx', 'README'].filter(isConfName)).toEqual(['a.conf']);
  });

  it('fact 9: all files are merged and sorted by base name; the first directory wins a repeated name', () => {
    const { files } = orderConfFiles('/lib/modules/6.1.0', [
      dir('/etc/modprobe.d', ['x.conf', '50-b.conf']),
      { path: '/run/modprobe.d', kind: 'missing' },
      dir('/usr/lib/modprobe.d', ['x.conf', '10-a.conf', 'zz.conf', '95-x.conf']),
    ]);
    expect(files.map((f) => f.path)).toEqual([
      '/usr/lib/modprobe.d/10-a.conf',
      '/etc/modprobe.d/50-b.conf',
      '/usr/lib/modprobe.d/95-x.conf',
      '/lib/modules/6.1.0/modules.softdep',
      '/lib/modules/6.1.0/modules.weakdep',
      '/etc/modprobe.d/x.conf',
      '/usr/lib/modprobe.d/zz.conf',
    ]);
  });

  it('fact 9: a directory named *.conf is reported and skipped; others are ignored silently', () => {
    const { files, errors } = orderConfFiles('/m', [dir('/etc/modprobe.d', ['a.conf'], ['sub.conf', 'subdir'])]);
    expect(files.map((f) => f.name)).toEqual(['a.conf', 'modules.softdep', 'modules.weakdep']);
    expect(errors).toEqual([{ fn: 'conf_files_filter_out', text: 'Directories inside directories are not supported: /etc/modprobe.d/sub.conf' }]);
  });

  it('-C FILE sorts by its base name and is opened by its path', () => {
    const { files } = orderConfFiles('/m', [{ path: '/tmp/my.conf', kind: 'file' }]);
    expect(files).toContainEqual({ name: 'my.conf', path: '/tmp/my.conf' });
  });
});

// khelper's modprobe against the real kmod 30 (Debian's /usr/sbin/modprobe), second round:
// plans that load nothing (-n -v, -D, -R, -c) and modprobe.d parsing.
//
// How the expected outputs were recorded: the modules below were built as ELF .ko files of the
// same shape (same names, .modinfo keys, exported and imported symbols) under a private ROOT,
// indexed with `depmod -b ROOT 2.6.20-khelper`, and real modprobe ran as
// `modprobe -d ROOT -S 2.6.20-khelper ...` in a private mount namespace where ROOT's config
// directories were bind-mounted over /etc/modprobe.d, /run/modprobe.d, /usr/local/lib/modprobe.d,
// /usr/lib/modprobe.d and /lib/modprobe.d, and a fixed /proc/cmdline and an empty /sys/module
// over the host's. ROOT was then removed from the output, so paths read /lib/modules/<release>.
//
// kmod 30 is older than the development tree khelper emulates (version.ts); where they differ,
// the expectation follows the development tree and the comment says so. Config-parse errors are
// compared by their text: kmod 30 (a debug build) prefixes them with
// `libkmod: ERROR ../libkmod/libkmod-config.c:712 kmod_config_parse:`, release builds of the
// development tree with `libkmod: ERROR: kmod_config_parse:`.
import { describe, expect, it } from 'vitest';
import { run, twoModules } from './machine.ts';

const R = '/lib/modules/2.6.20-khelper';
const MODPROBE = '/sbin/modprobe';

const machine = twoModules;

describe('modprobe.d lines as kmod_config_parse() reads them', () => {
  it('a NUL byte ends the line (C string): "alias kh-n\\0ul kh-a" has one word left, a line starting with NUL is empty', () => {
    const m = machine({ '/etc/modprobe.d/nul.conf': 'alias kh-n\0ul kh-a\noptions kh-a p=1\0q=2\n\0alias kh-z kh-b\nalias kh-ok kh-b\n' });
    const bad = "libkmod: ERROR: kmod_config_parse: /etc/modprobe.d/nul.conf line 1: ignoring bad line starting with 'alias'\n";
    expect(run(m, [MODPROBE, '-n', '-v', 'kh-a'])).toEqual({ stdout: `insmod ${R}/kernel/misc/kh-a.ko p=1 \n`, stderr: bad, status: 0 });
    expect(run(m, [MODPROBE, '-R', 'kh-ok'])).toEqual({ stdout: 'kh_b\n', stderr: bad, status: 0 });
    expect(run(m, [MODPROBE, '-R', 'kh-n'])).toEqual({
      stdout: '', status: 1, stderr: `${bad}modprobe: FATAL: Module kh-n not found in directory ${R}\n`,
    });
  });
});

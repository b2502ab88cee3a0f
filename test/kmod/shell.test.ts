// modprobe with install/remove commands run by the real /bin/sh inside the machine.
import { describe, expect, it } from 'vitest';
import { runSh } from '../../src/init/testing.ts';

const R = '/lib/modules/2.6.20-khelper';

describe('install and remove commands through /bin/sh -c', () => {
  it('fact 12: the command sees MODPROBE_MODULE, MODPROBE_OPTIONS and the expanded $CMDLINE_OPTS; dependencies load first', () => {
    const r = runSh('depmod && modprobe -v cam x=1; echo rc=$?; cat /tmp/log; cat /proc/modules | while read n rest; do echo $n; done', {
      files: {
        '/etc/modprobe.d/cam.conf': 'options cam base=1\ninstall cam echo "mod=$MODPROBE_MODULE opts=[$CMDLINE_OPTS] env=[$MODPROBE_OPTIONS]" > /tmp/log\n',
        [`${R}/kernel/cam.ko`]: 'depends=ptp\n',
      },
    });
    expect(r.stdout).toBe(
      `insmod ${R}/kernel/drivers/pps/pps_core.ko \ninsmod ${R}/kernel/drivers/ptp/ptp.ko \n` +
      'install echo "mod=$MODPROBE_MODULE opts=[$CMDLINE_OPTS] env=[$MODPROBE_OPTIONS]" > /tmp/log base=1 x=1\n' +
      'rc=0\nmod=cam opts=[base=1 x=1] env=[-v]\nptp\npps_core\n',
    );
  });

  it('fact 12: a failing install command: libkmod error, then Invalid argument under the requested name', () => {
    const r = runSh('depmod; modprobe net-turbo; echo rc=$?', { files: { '/etc/modprobe.d/t.conf': 'alias net-turbo turbo\ninstall turbo exit 3\n' } });
    expect(r.stdout).toBe('rc=1\n');
    expect(r.stderr).toBe("modprobe: ERROR: Error running install command 'exit 3' for module turbo: retcode 3\nmodprobe: ERROR: could not insert 'turbo': Invalid argument\n");
  });

  it('modprobe_install_cmd_loop: --ignore-install in the recipe ends the loop and both modules load', () => {
    const r = runSh('depmod; MODPROBE=/sbin/modprobe modprobe mod-loop-a; echo rc=$?; cat /proc/modules | while read n rest; do echo $n; done', {
      files: {
        '/etc/modprobe.d/dumb-install-loop.conf': 'install mod-loop-b $MODPROBE --ignore-install mod-loop-b && { $MODPROBE --quiet mod-loop-a ; }\n',
        [`${R}/kernel/mod-loop-b.ko`]: '',
        [`${R}/kernel/mod-loop-a.ko`]: 'depends=mod_loop_b\n',
      },
    });
    expect(r.stdout).toBe('rc=0\nmod_loop_a\nmod_loop_b\n');
  });

  it('fact 17: -r runs the remove command and touches nothing else', () => {
    const r = runSh('depmod; modprobe e1000e; modprobe -r -v e1000e; echo rc=$?; cat /tmp/removed; cat /proc/modules | while read n rest; do echo $n; done', {
      files: { '/etc/modprobe.d/r.conf': 'remove e1000e echo "$MODPROBE_MODULE [$CMDLINE_OPTS]" > /tmp/removed\n' },
    });
    expect(r.stdout).toBe('remove echo "$MODPROBE_MODULE []" > /tmp/removed\nrc=0\ne1000e []\ne1000e\nptp\npps_core\n');
  });

  it('fact 13: -i ignores the install command of the named module', () => {
    const r = runSh('depmod; modprobe -v -i loop; echo rc=$?', { files: { '/etc/modprobe.d/l.conf': 'install loop exit 1\n' } });
    expect(r.stdout).toBe(`insmod ${R}/kernel/drivers/block/loop.ko \nrc=0\n`);
  });
});

// Root's capabilities at boot and after exec, per profile.
// 2.6.20 include/linux/init_task.h: INIT_TASK has cap_effective = CAP_INIT_EFF_SET
// (~0 & ~CAP_TO_MASK(CAP_SETPCAP)), cap_inheritable = 0, cap_permitted = CAP_FULL_SET (~0); kernel
// threads inherit that. security/commoncap.c cap_bprm_apply_creds(): an exec by root gets
// pP' = (fP & cap_bset) | (fI & pI) with cap_bset = CAP_INIT_EFF_SET, pE' = pP', except init
// ("For init, we want to retain the capabilities set in the init_task struct").
// 6.6 kernel/cred.c init_cred: CAP_FULL_SET (CAP_LAST_CAP 40) for permitted, effective, bset.
import { describe, expect, it } from 'vitest';
import { sh } from './procfs-format-helpers.ts';

const caps = (profile: '2.6.20' | '6.6', pid: string): string =>
  sh(profile, `grep ^Cap /proc/${pid}/status`).stdout;

describe('capabilities of root', () => {
  it('2.6.20: init and kernel threads keep INIT_TASK\'s sets: CapPrm ffffffff, CapEff fffffeff', () => {
    for (const pid of ['1', '2']) {
      expect(caps('2.6.20', pid)).toBe('CapInh:\t0000000000000000\nCapPrm:\t00000000ffffffff\nCapEff:\t00000000fffffeff\n');
    }
  });
  it('2.6.20: a root process after exec has everything but CAP_SETPCAP (cap_bset)', () => {
    expect(caps('2.6.20', 'self')).toBe('CapInh:\t0000000000000000\nCapPrm:\t00000000fffffeff\nCapEff:\t00000000fffffeff\n');
  });
  it('6.6: init_cred\'s full set, bounding set included', () => {
    const full = 'CapInh:\t0000000000000000\nCapPrm:\t000001ffffffffff\nCapEff:\t000001ffffffffff\nCapBnd:\t000001ffffffffff\nCapAmb:\t0000000000000000\n';
    for (const pid of ['1', '2', 'self']) expect(caps('6.6', pid)).toBe(full);
  });
  it('2.6.20 sys_prctl() has no PR_CAPBSET_READ or securebits (EINVAL): capsh --print says unsupported', () => {
    const r = sh('2.6.20', 'capsh --print').stdout.split('\n');
    // cap_to_text() over libcap's 41 bits: CAP_SETPCAP and the caps 2.6.20 lacks are off.
    expect(r[0]).toBe('Current: =ep cap_setpcap,cap_mac_override,cap_mac_admin,cap_syslog,cap_wake_alarm,cap_block_suspend,cap_audit_read,cap_perfmon,cap_bpf,cap_checkpoint_restore-ep');
    expect(r[1]).toBe('Bounding set = <unsupported>');
    expect(r).toContain('[Securebits ABI not supported]');
  });
  it('2.6.20: root cannot load a module it is allowed to (CAP_SYS_MODULE is in fffffeff)', () => {
    expect(sh('2.6.20', 'modprobe loop && grep -c ^loop /proc/modules').stdout).toBe('1\n');
  });
});

// Shared by the procfs-format tests: boot a profile, run a shell command as root or (through the
// test-only program "asuser", which swaps the task's credentials the way setresuid(1000) plus a
// capability drop would; khelper has no setuid syscall) as uid/gid 1000.
import { bootMachine, runSh } from '../../src/init/testing.ts';
import type { ShRun } from '../../src/init/testing.ts';
import type { Machine } from '../../src/init/machine.ts';
import { nativeImage } from '../../src/uapi/syscalls.ts';
import type { ProgramArgs, UserGen } from '../../src/uapi/syscalls.ts';
import { execve } from '../../src/userland/lib/sys.ts';

export type Profile = '2.6.20' | '6.6';
export const PROFILES: Profile[] = ['2.6.20', '6.6'];

export function sh(profile: Profile, script: string): ShRun {
  let m: Machine | null = null;
  function* asuser({ argv, envp }: ProgramArgs): UserGen {
    const t = m!.k.current;
    t.cred = { uid: 1000, gid: 1000, euid: 1000, egid: 1000, capEffective: [0, 0], capPermitted: [0, 0], capInheritable: [0, 0],
      capBset: [...t.cred.capBset] };
    yield* execve(argv[1], argv.slice(1), envp);
    return 127;
  }
  m = bootMachine({ profile, programs: { asuser }, files: { '/bin/asuser': { content: nativeImage('asuser'), mode: '755' } } });
  return runSh(script, { machine: m });
}

/** The lines "Key:\tvalue" of a status file, as [key, value]. */
export const statusKeys = (text: string): string[] => text.split('\n').filter(Boolean).map((l) => l.slice(0, l.indexOf(':')));

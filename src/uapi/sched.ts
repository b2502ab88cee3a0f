// include/uapi/linux/sched.h clone flags, and the task states of include/linux/sched.h.
export const CSIGNAL = 0x000000ff, CLONE_VM = 0x00000100, CLONE_FS = 0x00000200,
  CLONE_FILES = 0x00000400, CLONE_SIGHAND = 0x00000800, CLONE_PTRACE = 0x00002000,
  CLONE_VFORK = 0x00004000, CLONE_PARENT = 0x00008000, CLONE_THREAD = 0x00010000,
  CLONE_NEWNS = 0x00020000, CLONE_UNTRACED = 0x00800000;

/** Names for clone flags as ftrace and our traces print them. */
export function cloneFlagsString(flags: number): string {
  const parts: string[] = [];
  const names: [number, string][] = [[CLONE_VM, 'CLONE_VM'], [CLONE_FS, 'CLONE_FS'], [CLONE_FILES, 'CLONE_FILES'],
    [CLONE_SIGHAND, 'CLONE_SIGHAND'], [CLONE_VFORK, 'CLONE_VFORK'], [CLONE_PARENT, 'CLONE_PARENT'],
    [CLONE_THREAD, 'CLONE_THREAD']];
  for (const [bit, name] of names) if (flags & bit) parts.push(name);
  const sig = flags & CSIGNAL;
  if (sig) parts.push(`sig ${sig}`);
  return parts.join('|') || '0';
}

/** Task states as /proc/<pid>/stat and ps print them. */
export type TaskStateLetter = 'R' | 'S' | 'D' | 'T' | 'Z' | 'X';
export const TASK_STATE_NAMES: Record<TaskStateLetter, string> = {
  R: 'running', S: 'sleeping', D: 'disk sleep', T: 'stopped', Z: 'zombie', X: 'dead',
};

export const PRIO_PROCESS = 0;

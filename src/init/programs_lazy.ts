// The playground worker's program table (in place of programs_table.ts; scripts/lazy-programs.js):
// init and the shells are here at once, which is all a default boot runs before its first prompt;
// every other program is registered under its name (so the root filesystem is laid out exactly as
// with the whole table) and runs once installPrograms() has handed over its code. Until then the
// worker runs no machine that could exec one (worker/programs_loader.ts); a default boot prepared
// meanwhile checks programsMissed() and is thrown away if it ran one anyway.
import type { Program, ProgramArgs, UserGen } from '../uapi/syscalls.ts';
import { bootPrograms } from '../userland/programs_boot.ts';
import { MORE_PROGRAM_NAMES } from '../userland/program_names.ts';

let more: Record<string, Program> | null = null;
let missed = 0;

// What runs if the code is missing: the program exits at once with 127, and the miss is counted.
function* absent(): UserGen {
  return 127;
}

const later = (name: string): Program => (args: ProgramArgs) => {
  if (more) return more[name](args);
  missed++;
  return absent();
};

export const programs: Record<string, Program> = {
  ...Object.fromEntries(MORE_PROGRAM_NAMES.map((n) => [n, later(n)])),
  ...bootPrograms,
};

export const programsPending = (): boolean => more === null;

export const programsMissed = (): number => missed;

export function installPrograms(table: Record<string, Program>): void {
  more = table;
}

// The program table a Machine registers with binfmt_native. This is the whole user land, loaded
// with the engine. The playground's worker build puts programs_lazy.ts in this module's place
// (scripts/lazy-programs.js), where the same names are there at once and most code comes later;
// the functions below are what both offer, so the worker can wait for the code either way.
import type { Program } from '../uapi/syscalls.ts';

export { programs } from '../userland/programs.ts';

/** True while some program's code is not there yet (never, here). */
export const programsPending = (): boolean => false;

/** How many times a program whose code was missing was run (never, here). */
export const programsMissed = (): number => 0;

/** Hand over the code the table was waiting for (nothing waits, here). */
export function installPrograms(_more: Record<string, Program>): void {
  // Nothing to do: the table above is complete.
}

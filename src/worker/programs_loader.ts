// The user land's second half in the playground's worker (init/programs_lazy.ts): the programs
// a default boot does not run are compiled after the first prompt instead of before it. Nothing
// that could exec one runs before they are in: the run loop waits (runloop.ts) and boots other
// than the prepared default one wait (machine.worker.ts). Outside the worker build the table is
// whole and everything here resolves at once.
import { installPrograms, programsPending } from '../init/programs_table.ts';

let loading: Promise<void> | null = null;
let markLoaded: () => void = () => undefined;
const loaded = new Promise<void>((resolve) => {
  markLoaded = resolve;
});

/** Start loading the programs' code (once; again after a failure); resolves when all can run. */
export function loadPrograms(): Promise<void> {
  if (!programsPending()) {
    markLoaded();
    return Promise.resolve();
  }
  loading ??= import('../init/programs_more.ts').then((m) => {
    installPrograms(m.morePrograms);
    markLoaded();
  }, (e: unknown) => {
    loading = null;
    throw e;
  });
  return loading;
}

/** Resolves once the programs can run, without starting the load. */
export function whenProgramsLoaded(): Promise<void> {
  return programsPending() ? loaded : Promise.resolve();
}

export { programsPending };

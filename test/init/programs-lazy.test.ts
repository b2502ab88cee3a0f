// The playground worker's program table (init/programs_lazy.ts, put in place of
// programs_table.ts by scripts/lazy-programs.js): the same names, in the same order, as the whole
// user land; init and the shells at once; the others run only once their code is installed.
import { describe, expect, it } from 'vitest';
import { programs } from '../../src/userland/programs.ts';
import { morePrograms } from '../../src/userland/programs_more.ts';
import { MORE_PROGRAM_NAMES } from '../../src/userland/program_names.ts';
import * as lazy from '../../src/init/programs_lazy.ts';
import * as whole from '../../src/init/programs_table.ts';

describe('the lazy program table', () => {
  it('lists every program of the user land, in the same order (so the root filesystem is laid out the same)', () => {
    expect([...MORE_PROGRAM_NAMES]).toEqual(Object.keys(morePrograms));
    expect(Object.keys(lazy.programs)).toEqual(Object.keys(programs));
    expect(Object.keys(whole.programs)).toEqual(Object.keys(programs));
  });

  it('has init and the shells at once; another program, run before its code is in, exits 127 and is counted', () => {
    expect(lazy.programs.init).toBe(programs.init);
    expect(lazy.programs.bash).toBe(programs.bash);
    expect(lazy.programsPending()).toBe(true);
    const before = lazy.programsMissed();
    const g = lazy.programs.echo({ argv: ['echo', 'x'], envp: [] });
    expect(g.next()).toEqual({ done: true, value: 127 });
    expect(lazy.programsMissed()).toBe(before + 1);
  });

  it('runs the real program once the code is installed', () => {
    let called = 0;
    const echo = morePrograms.echo;
    lazy.installPrograms({ ...morePrograms, echo: (args) => { called++; return echo(args); } });
    expect(lazy.programsPending()).toBe(false);
    const missed = lazy.programsMissed();
    lazy.programs.echo({ argv: ['echo', 'x'], envp: [] });
    expect(called).toBe(1);
    expect(lazy.programsMissed()).toBe(missed);
  });

  it('the whole table never waits', () => {
    expect(whole.programsPending()).toBe(false);
    expect(whole.programsMissed()).toBe(0);
  });
});

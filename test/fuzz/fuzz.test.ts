// The fuzz properties at unit size (a few hundred runs each, a fixed seed per target so a
// failure reproduces): `npm run fuzz` runs the same properties with 100,000+ cases in total.
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { TARGETS } from './targets.ts';

describe('fuzz properties (unit size)', () => {
  for (const [i, t] of TARGETS.entries()) {
    it(`${t.name}: ${t.unitRuns} cases, nothing escapes`, () => {
      fc.assert(t.property(), { numRuns: t.unitRuns, seed: 0x5eed + i });
    }, 120_000);
  }
});

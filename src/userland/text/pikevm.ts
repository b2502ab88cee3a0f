// A linear-time matcher for the regexes translate() (regex.ts) emits: a Pike VM (Thompson's NFA
// simulation carrying capture registers, threads kept in priority order) over the tree that
// pikevm_ast.ts reads back from the JavaScript source. GNU grep and sed match with a DFA or a
// linear NFA; V8's backtracking takes exponential time on `(a*)*b`, inside one step of the
// simulated machine, so the host froze (docs/reliability.md, BUG 10).
//
// The result is the one JavaScript's backtracking gives (ECMA-262 RegExp semantics) for patterns
// without back-references: the leftmost start, then the first path in priority order (greedy:
// one more iteration before leaving; left alternative first), with the same capture groups.
// Two ECMAScript rules of RepeatMatcher are kept exactly:
//  - every iteration starts with the groups inside the body undefined;
//  - an iteration beyond the minimum that consumed nothing fails (the "empty check").
// The empty check makes a thread's future depend on whether it consumed a character since the
// start of each enclosing checked iteration: one bit per nesting depth of checked loops, in
// `mask`. Two threads at the same instruction and mask have the same future (no back-references),
// so the first in priority order wins and the rest are dropped: at most (program size << depth)
// threads per position, hence linear time in the text.
import { isRisky, parseJsRegex, PikeUnsupported } from './pikevm_ast.ts';
import type { CharSet, Parsed } from './pikevm_ast.ts';
import { Compiler, firstSet, MAX_PROGRAM, Op } from './pikevm_compile.ts';
import type { Inst } from './pikevm_compile.ts';

export { PikeUnsupported, MAX_PROGRAM };

/** Largest (program size << checked-loop depth): the per-position visited table. */
const MAX_STATES = 1 << 18;

export interface PikeMatch {
  index: number;
  end: number;
  /** [0] is the whole match; undefined for a group that did not take part. */
  groups: (string | undefined)[];
}

const isWord = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const inSet = (set: CharSet, c: number): boolean => (c < 256 ? set.bytes[c] === 1 : set.high);

interface Thread {
  pc: number;
  caps: Int32Array;
  mask: number;
}

export class PikeVM {
  readonly ngroups: number;
  /** V8 could backtrack super-linearly on this pattern (see isRisky in pikevm_ast.ts). */
  readonly risky: boolean;
  private readonly prog: Inst[];
  private readonly depthBits: number;
  private readonly full: number;
  /** The bytes a match can start with, or null when the pattern matches the empty string. */
  private readonly first: CharSet | null;
  private seen: Int32Array | null = null;
  private gen = 0;

  /** Compile JavaScript source of translate()'s subset; throws PikeUnsupported (back-references, too large). */
  constructor(source: string | Parsed) {
    const parsed = typeof source === 'string' ? parseJsRegex(source) : source;
    if (parsed.backrefs) throw new PikeUnsupported('back-reference');
    const c = new Compiler();
    c.emit(Op.Save, 0);
    c.node(parsed.node);
    c.emit(Op.Save, 1);
    c.emit(Op.Match);
    if (c.maxDepth > 16 || c.prog.length << c.maxDepth > MAX_STATES) throw new PikeUnsupported('too many states');
    this.prog = c.prog;
    this.depthBits = c.maxDepth;
    this.full = (1 << c.maxDepth) - 1;
    this.ngroups = parsed.ngroups;
    this.risky = isRisky(parsed.node);
    this.first = firstSet(this.prog);
  }

  /** JavaScript's `re.exec(s)` with `re.lastIndex = from` and flag g: the leftmost-first match. */
  exec(s: string, from = 0): PikeMatch | null {
    return this.run(s, from, false);
  }

  /** The longest match starting exactly at `index` (ties: the first in priority order), or null. */
  longest(s: string, index: number): PikeMatch | null {
    return this.run(s, index, true);
  }

  private run(s: string, from: number, anchoredLongest: boolean): PikeMatch | null {
    if (from > s.length) return null;
    const n = s.length;
    const init = new Int32Array(2 * (this.ngroups + 1)).fill(-1);
    let clist: Thread[] = [];
    this.nextGen();
    this.add(clist, 0, init, this.full, s, from);
    let best: Int32Array | null = null;
    for (let i = from; ; i++) {
      const nlist: Thread[] = [];
      this.nextGen();
      const c = i < n ? s.charCodeAt(i) : -1;
      let matchedHere = false;
      for (const t of clist) {
        const inst = this.prog[t.pc];
        if (inst.op === Op.Match) {
          if (anchoredLongest) {
            // The first thread to match at i is the highest-priority path ending at i.
            if (!matchedHere) best = t.caps;
            matchedHere = true;
            continue;
          }
          best = t.caps;
          break; // lower-priority threads can no longer win
        }
        if (c >= 0 && inSet(inst.set!, c)) this.add(nlist, t.pc + 1, t.caps, this.full, s, i + 1);
      }
      if (i >= n) break;
      const seeding = !best && !anchoredLongest;
      if (seeding && !nlist.length && this.first) {
        // No thread alive: skip to the next byte a match can start with.
        let j = i + 1;
        while (j < n && !inSet(this.first, s.charCodeAt(j))) j++;
        if (j >= n) break;
        i = j - 1;
      }
      if (seeding) this.add(nlist, 0, init, this.full, s, i + 1);
      // A seed can die at once (an assertion) while a later start still matches.
      if (!nlist.length && !seeding) break;
      clist = nlist;
    }
    if (!best) return null;
    const groups: (string | undefined)[] = [];
    for (let g = 0; g <= this.ngroups; g++) {
      const a = best[2 * g];
      const b = best[2 * g + 1];
      groups.push(a >= 0 && b >= 0 ? s.slice(a, b) : undefined);
    }
    return { index: best[0], end: best[1], groups };
  }

  private nextGen(): void {
    if (!this.seen) this.seen = new Int32Array(this.prog.length << this.depthBits);
    if (++this.gen >= 0x3fffffff) {
      this.seen.fill(0);
      this.gen = 1;
    }
  }

  /** Follow the empty transitions from pc at position i, in priority order, into list. */
  private add(list: Thread[], pc0: number, caps0: Int32Array, mask0: number, s: string, i: number): void {
    const seen = this.seen!;
    const stack: Thread[] = [{ pc: pc0, caps: caps0, mask: mask0 }];
    while (stack.length) {
      const t = stack.pop()!;
      const key = (t.pc << this.depthBits) | t.mask;
      if (seen[key] === this.gen) continue;
      seen[key] = this.gen;
      const inst = this.prog[t.pc];
      switch (inst.op) {
        case Op.Char:
        case Op.Match:
          list.push(t);
          break;
        case Op.Jmp:
          stack.push({ pc: inst.x, caps: t.caps, mask: t.mask });
          break;
        case Op.Split:
          stack.push({ pc: inst.y, caps: t.caps, mask: t.mask }, { pc: inst.x, caps: t.caps, mask: t.mask });
          break;
        case Op.Save: {
          const caps = t.caps.slice();
          caps[inst.x] = i;
          stack.push({ pc: t.pc + 1, caps, mask: t.mask });
          break;
        }
        case Op.Clear: {
          let caps = t.caps;
          if (caps.subarray(inst.x, inst.y).some((v) => v >= 0)) caps = caps.slice().fill(-1, inst.x, inst.y);
          stack.push({ pc: t.pc + 1, caps, mask: t.mask });
          break;
        }
        case Op.Assert:
          if (assertHolds(inst.kind!, s, i)) stack.push({ pc: t.pc + 1, caps: t.caps, mask: t.mask });
          break;
        case Op.Look: {
          const at = inst.behind ? i - 1 : i;
          const hit = at >= 0 && at < s.length && inSet(inst.set!, s.charCodeAt(at));
          if (hit !== inst.negate) stack.push({ pc: t.pc + 1, caps: t.caps, mask: t.mask });
          break;
        }
        case Op.LoopBegin:
          stack.push({ pc: t.pc + 1, caps: t.caps, mask: t.mask & ~(1 << inst.x) });
          break;
        case Op.LoopCheck:
          // ECMAScript RepeatMatcher: an optional iteration that matched the empty string fails.
          if (t.mask & (1 << inst.x)) stack.push({ pc: t.pc + 1, caps: t.caps, mask: t.mask });
          break;
      }
    }
  }
}

/** ^ and $ without the m flag, \b and \B with JavaScript's \w ([0-9A-Za-z_]). */
function assertHolds(kind: '^' | '$' | 'b' | 'B', s: string, i: number): boolean {
  if (kind === '^') return i === 0;
  if (kind === '$') return i === s.length;
  const before = i > 0 && isWord(s.charCodeAt(i - 1));
  const after = i < s.length && isWord(s.charCodeAt(i));
  return (before !== after) === (kind === 'b');
}

/**
 * The linear matcher for `source` when JavaScript's RegExp could backtrack super-linearly on it,
 * else null (not risky, back-references, program over MAX_PROGRAM, or a construct outside
 * translate()'s subset): then JavaScript's RegExp is both fast and exact.
 */
export function linearMatcherFor(source: string): PikeVM | null {
  // Every risky shape repeats a group: skip the parse (grep -F strings can be long) otherwise.
  if (!/\)[*+?{]/.test(source)) return null;
  try {
    const parsed = parseJsRegex(source);
    return isRisky(parsed.node) && !parsed.backrefs ? new PikeVM(parsed) : null;
  } catch (e) {
    if (e instanceof PikeUnsupported) return null;
    throw e;
  }
}

// Compiles the tree of pikevm_ast.ts to the Pike VM's program (pikevm.ts runs it). Repetitions
// follow ECMA-262's RepeatMatcher: x{m,n} is m plain iterations, then a greedy loop (n infinite)
// or nested optional iterations, each starting with the body's groups cleared; an iteration
// beyond the minimum whose body can match the empty string is wrapped in LoopBegin/LoopCheck.
import { PikeUnsupported } from './pikevm_ast.ts';
import type { CharSet, Node } from './pikevm_ast.ts';

/** Largest program compiled: `(a|b){1,32767}` and the like fall back to JavaScript's RegExp. */
export const MAX_PROGRAM = 20_000;

export const Op = {
  Char: 0, Split: 1, Jmp: 2, Save: 3, Clear: 4, Assert: 5, Look: 6, LoopBegin: 7, LoopCheck: 8, Match: 9,
} as const;
export type Op = (typeof Op)[keyof typeof Op];

export interface Inst {
  op: Op;
  /** Split: preferred target; Jmp: target; Save: register; Clear: first register; Loop*: bit. */
  x: number;
  /** Split: other target; Clear: last register + 1. */
  y: number;
  set?: CharSet;
  kind?: '^' | '$' | 'b' | 'B';
  behind?: boolean;
  negate?: boolean;
}

/** Whether a repetition body can match the empty string (then its iterations need the check). */
function nullable(n: Node): boolean {
  switch (n.t) {
    case 'set': return false;
    case 'cat': return n.items.every(nullable);
    case 'alt': return n.alts.some(nullable);
    case 'group': return nullable(n.body);
    case 'rep': return n.min === 0 || nullable(n.body);
    default: return true;
  }
}

export class Compiler {
  readonly prog: Inst[] = [];
  maxDepth = 0;
  private depth = 0;

  emit(op: Op, x = 0, y = 0): number {
    if (this.prog.length >= MAX_PROGRAM) throw new PikeUnsupported('program too large');
    this.prog.push({ op, x, y });
    return this.prog.length - 1;
  }

  node(n: Node): void {
    switch (n.t) {
      case 'set': this.prog[this.emit(Op.Char)].set = n.set; return;
      case 'cat': for (const m of n.items) this.node(m); return;
      case 'alt': {
        const jumps: number[] = [];
        for (let k = 0; k < n.alts.length; k++) {
          const split = k < n.alts.length - 1 ? this.emit(Op.Split) : -1;
          if (split >= 0) this.prog[split].x = split + 1;
          this.node(n.alts[k]);
          if (split >= 0) {
            jumps.push(this.emit(Op.Jmp));
            this.prog[split].y = this.prog.length;
          }
        }
        for (const j of jumps) this.prog[j].x = this.prog.length;
        return;
      }
      case 'group':
        if (n.group) this.emit(Op.Save, 2 * n.group);
        this.node(n.body);
        if (n.group) this.emit(Op.Save, 2 * n.group + 1);
        return;
      case 'rep': this.rep(n); return;
      case 'assert': this.prog[this.emit(Op.Assert)].kind = n.kind; return;
      case 'look': {
        const inst = this.prog[this.emit(Op.Look)];
        inst.set = n.set;
        inst.behind = n.behind;
        inst.negate = n.negate;
        return;
      }
      case 'backref': throw new PikeUnsupported('back-reference');
    }
  }

  /** One iteration: groups inside cleared, then the body, with the empty check if `checked`. */
  private iteration(n: Extract<Node, { t: 'rep' }>, checked: boolean): void {
    if (n.lastGroup >= n.firstGroup) this.emit(Op.Clear, 2 * n.firstGroup, 2 * n.lastGroup + 2);
    if (!checked) {
      this.node(n.body);
      return;
    }
    const bit = this.depth++;
    this.maxDepth = Math.max(this.maxDepth, this.depth);
    this.emit(Op.LoopBegin, bit);
    this.node(n.body);
    this.emit(Op.LoopCheck, bit);
    this.depth--;
  }

  /** x{min,max} as min plain copies, then a loop (max infinite) or nested optional copies. */
  private rep(n: Extract<Node, { t: 'rep' }>): void {
    const check = nullable(n.body);
    for (let k = 0; k < n.min; k++) this.iteration(n, false);
    if (n.max === Infinity) {
      const top = this.emit(Op.Split);
      this.prog[top].x = top + 1;
      this.iteration(n, check);
      this.emit(Op.Jmp, top);
      this.prog[top].y = this.prog.length;
      return;
    }
    // ECMAScript's x{0,2} is (x(x)?)? : once an optional iteration is skipped, the rest are too.
    const splits: number[] = [];
    for (let k = n.min; k < n.max; k++) {
      const s = this.emit(Op.Split);
      this.prog[s].x = s + 1;
      splits.push(s);
      this.iteration(n, check);
    }
    for (const s of splits) this.prog[s].y = this.prog.length;
  }
}

/** The union of the sets of the Char instructions reachable from pc 0 by empty transitions
 * (assertions assumed to hold); null if Match is reachable so. */
export function firstSet(prog: Inst[]): CharSet | null {
  const set: CharSet = { bytes: new Uint8Array(256), high: false };
  const seen = new Uint8Array(prog.length);
  const stack = [0];
  while (stack.length) {
    const pc = stack.pop()!;
    if (seen[pc]) continue;
    seen[pc] = 1;
    const inst = prog[pc];
    if (inst.op === Op.Match) return null;
    if (inst.op === Op.Char) {
      for (let c = 0; c < 256; c++) set.bytes[c] |= inst.set!.bytes[c];
      set.high ||= inst.set!.high;
    } else if (inst.op === Op.Jmp) stack.push(inst.x);
    else if (inst.op === Op.Split) stack.push(inst.x, inst.y);
    else stack.push(pc + 1);
  }
  return set;
}

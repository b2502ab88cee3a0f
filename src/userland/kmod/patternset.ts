// A set of fnmatch patterns that answers "which patterns match this name?" without testing them
// all. Literal patterns sit in a map; a wildcard pattern is filed in a character trie under its
// literal prefix (the text before the first `*`, `?`, `[` or `\`), so only patterns whose prefix
// begins the name are tested: the walk libkmod's index_searchwild() makes over its trie.
import { fnmatch } from '../../lib/fnmatch.ts';

interface Node {
  next: Map<string, Node> | null;
  items: number[] | null;
}

const META = /[*?[\\]/;

export class PatternSet {
  private readonly exact = new Map<string, number[]>();
  private readonly root: Node = { next: null, items: null };
  private readonly patterns: string[] = [];
  private wildCount = 0;

  /** Add pattern number `id` (ids must be added in increasing order). */
  add(pattern: string, id: number): void {
    this.patterns[id] = pattern;
    const at = pattern.search(META);
    if (at < 0) {
      const l = this.exact.get(pattern);
      if (l) l.push(id);
      else this.exact.set(pattern, [id]);
      return;
    }
    this.wildCount++;
    let n = this.root;
    for (let i = 0; i < at; i++) {
      n.next ??= new Map();
      let c = n.next.get(pattern[i]);
      if (!c) {
        c = { next: null, items: null };
        n.next.set(pattern[i], c);
      }
      n = c;
    }
    (n.items ??= []).push(id);
  }

  /** Ids of every pattern that matches `name`, in increasing order. */
  match(name: string): number[] {
    const hits = this.exact.get(name);
    if (this.wildCount === 0) return hits ?? [];
    const out: number[] = hits ? [...hits] : [];
    let n: Node | undefined = this.root;
    for (let i = 0; n; i++) {
      if (n.items) for (const id of n.items) if (fnmatch(this.patterns[id], name)) out.push(id);
      if (i >= name.length || !n.next) break;
      n = n.next.get(name[i]);
    }
    return out.length > 1 ? out.sort((a, b) => a - b) : out;
  }

  /** The smallest id that matches `name`, or -1. */
  first(name: string): number {
    const m = this.match(name);
    return m.length ? m[0] : -1;
  }
}

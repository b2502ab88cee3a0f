// The trie behind modules.alias.bin, modules.symbols.bin and modules.builtin.alias.bin: built
// as depmod's index_insert() builds it (a node holds a prefix, children by next character and
// values), searched as libkmod's index_searchwild() searches it. The shape matters: the search
// walks the key literally, and at each node also tries every child edge `*`, `?` or `[` as a
// pattern (fnmatch() of the rest of the stored key against the rest of the request), and a
// wildcard met inside a node's prefix turns that whole node into a pattern. So a `\` before a
// wildcard is a literal character until the wildcard, and a request that itself contains `*`
// can match a stored key both as a pattern and letter for letter.
import { fnmatch } from '../../lib/fnmatch.ts';

interface Value { value: string; priority: number }

interface TrieNode {
  prefix: string;
  children: Map<string, TrieNode>;
  /** index_add_value() order: by priority, a newer value before older ones of equal priority. */
  values: Value[];
}

const node = (prefix: string): TrieNode => ({ prefix, children: new Map(), values: [] });

/** add_value() / index_add_value(): before the first value of equal or higher priority. */
function addValue(list: Value[], v: Value): void {
  let i = 0;
  while (i < list.length && list[i].priority < v.priority) i++;
  list.splice(i, 0, v);
}

const WILD = '*?[';

export class AliasTrie {
  private readonly root = node('');

  /** index_insert(). */
  insert(key: string, value: string, priority: number): void {
    let n = this.root;
    let i = 0;
    for (;;) {
      let j = 0;
      for (; j < n.prefix.length; j++) {
        if (n.prefix[j] !== key[i + j]) {
          // Split: the node keeps prefix[0..j) and moves the rest under the edge prefix[j].
          const rest: TrieNode = { prefix: n.prefix.slice(j + 1), children: n.children, values: n.values };
          const edge = n.prefix[j];
          n.prefix = n.prefix.slice(0, j);
          n.children = new Map([[edge, rest]]);
          n.values = [];
          break;
        }
      }
      i += j;
      if (i >= key.length) {
        addValue(n.values, { value, priority });
        return;
      }
      const ch = key[i];
      const child = n.children.get(ch);
      if (!child) {
        const c = node(key.slice(i + 1));
        c.values.push({ value, priority });
        n.children.set(ch, c);
        return;
      }
      n = child;
      i++;
    }
  }

  /** index_searchwild(): the values of every key that matches `key`, by priority. */
  searchwild(key: string): string[] {
    const out: Value[] = [];
    const take = (n: TrieNode) => { for (const v of n.values) addValue(out, v); };
    const sorted = (n: TrieNode) => [...n.children.keys()].sort((a, b) => a.charCodeAt(0) - b.charCodeAt(0));
    // index_searchwild__all(): every key below n, as a pattern from prefix[j] on.
    const all = (n: TrieNode, j: number, buf: string, subkey: string): void => {
      const b = buf + n.prefix.slice(j);
      for (const ch of sorted(n)) all(n.children.get(ch)!, 0, b + ch, subkey);
      if (n.values.length && fnmatch(b, subkey)) take(n);
    };
    let n: TrieNode | undefined = this.root;
    let k = key;
    while (n) {
      for (let j = 0; j < n.prefix.length; j++) {
        const ch = n.prefix[j];
        if (WILD.includes(ch)) {
          all(n, j, '', k.slice(j));
          return out.map((v) => v.value);
        }
        if (ch !== k[j]) return out.map((v) => v.value);
      }
      k = k.slice(n.prefix.length);
      for (const w of WILD) {
        const c = n.children.get(w);
        if (c) all(c, 0, w, k);
      }
      if (k === '') {
        take(n);
        break;
      }
      n = n.children.get(k[0]);
      k = k.slice(1);
    }
    return out.map((v) => v.value);
  }
}

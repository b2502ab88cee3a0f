// The trees of commands this shell program has parsed, kept across the processes that run it.
// dash parses a script again in every process that runs it (the kernel's modprobe wrapper, a
// hook run per event); here every process runs the same parser code, and a parse is a pure
// function of its input: the text from where the command starts, whether that text ends at end
// of file, the line it starts on and the bash/extglob flags. Aliases change what the parser
// reads, so a parse with any alias defined neither uses nor fills the cache. Trees are never
// changed after parsing (forked shells already share them), so one tree serves every process.
// Parsing charges no virtual time, so a hit changes nothing a process or the trace can see.
import type { Node } from './ast.ts';
import { NEOF } from './parser.ts';
import type { Parser } from './parser.ts';
import type { Source } from './source.ts';

interface Parsed {
  flags: number;
  line: number;
  node: Node;
  /** Where the parser left the source: the rest of the text is the next command's. */
  pos: number;
  lineAfter: number;
}

/** Entries kept (first in, first out) and the longest text kept as a key (an 8 KiB read). */
const LIMIT = 256;
const MAX_TEXT = 8192;
const cache = new Map<string, Parsed>();

/** parser.parsecmd() on src from its start (src.pos 0), through the cache where it applies. */
export function parsecmdCached(parser: Parser, src: Source): Node | null | typeof NEOF {
  const text = src.text;
  if (src.pos !== 0 || text.length > MAX_TEXT || (parser.aliases !== null && parser.aliases.size > 0)) return parser.parsecmd();
  const flags = (src.eof ? 1 : 0) | (parser.bash ? 2 : 0) | (parser.extglob ? 4 : 0);
  const hit = cache.get(text);
  if (hit !== undefined && hit.flags === flags && hit.line === src.line) {
    src.pos = hit.pos;
    src.line = hit.lineAfter;
    return hit.node;
  }
  const line = src.line;
  const node = parser.parsecmd();
  // Blank lines and end of input are cheap to parse again; a node is what is worth keeping.
  if (node === null || node === NEOF) return node;
  if (!cache.has(text) && cache.size >= LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(text, { flags, line, node, pos: src.pos, lineAfter: src.line });
  return node;
}

/** Forget every kept tree: bench/cases/shell.ts times the parser itself, never a lookup. */
export function clearParseCache(): void {
  cache.clear();
}

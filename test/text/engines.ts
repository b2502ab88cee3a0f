// The engines by program name, as the wrappers will register them.
import type { TextGen } from '../../src/userland/text/textio.ts';
import { trMain } from '../../src/userland/text/tr.ts';
import { cutMain } from '../../src/userland/text/cut.ts';
import { sortMain } from '../../src/userland/text/sort.ts';
import { uniqMain } from '../../src/userland/text/uniq.ts';
import { wcMain } from '../../src/userland/text/wc.ts';
import { sedMain } from '../../src/userland/text/sed.ts';
import { awkMain } from '../../src/userland/text/awk.ts';

export const ENGINES: Record<string, (argv: readonly string[]) => TextGen<number>> = {
  tr: trMain, cut: cutMain, sort: sortMain, uniq: uniqMain, wc: wcMain, sed: sedMain, awk: (a) => awkMain(a),
};

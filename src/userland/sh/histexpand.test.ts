import { describe, expect, it } from 'vitest';
import { histExpand } from './histexpand.ts';

/** Run lines through expansion as bash does, each result joining the history. */
function run(lines: string[], hist: string[] = []): string[] {
  return lines.map((l) => {
    const r = histExpand(hist, l);
    if (r.error) return `error: ${r.error}`;
    hist.push(r.line);
    return r.printOnly ? `print: ${r.line}` : r.line;
  });
}

describe('history expansion (bash)', () => {
  it('expands events and word designators as bash 5.2 did', () => {
    expect(run(['echo hi', '!!', 'echo !$ x', '!nosuch', 'echo a b c', 'echo !^ !* !:2', '^b^B^', '!-2', '!?hi?']))
      .toEqual(['echo hi', 'echo hi', 'echo hi x', 'error: !nosuch: event not found', 'echo a b c', 'echo a a b c b',
        'echo a a B c b', 'echo a a b c b', 'echo hi x']);
  });

  it('applies modifiers and reports errors in bash words', () => {
    expect(run(['echo a b', 'echo !:5', '^zz^y', 'echo !!:p', '!!:s/a/X/', '!!:gs/X/Q/', 'echo /x/y.tar.gz',
      'echo !$:h !$:t !$:r !$:e', `echo "!!" '!!' \\!!`]))
      .toEqual(['echo a b', 'error: :5: bad word specifier', 'error: :s^zz^y: substitution failed', 'print: echo echo a b',
        'echo echo X b', 'echo echo Q b', 'echo /x/y.tar.gz', 'echo /x y.tar.gz /x/y.tar .gz',
        `echo "echo /x y.tar.gz /x/y.tar .gz" '!!' \\!!`]);
  });

  it('leaves ! before blanks, = and ( alone, and numbers events from the base', () => {
    expect(histExpand(['a'], 'echo ! x != y !(z)').changed).toBe(false);
    expect(histExpand(['first', 'second'], '!11', 10).line).toBe('first');
  });
});

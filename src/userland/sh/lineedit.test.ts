import { describe, expect, it } from 'vitest';
import { LineState } from './linestate.ts';

describe('line editing state', () => {
  it('inserts, moves and deletes by UTF-8 characters', () => {
    const l = new LineState('$ ');
    l.insert('ab');
    l.insert('\xc3\xa9'); // é as UTF-8 bytes
    l.left();
    expect(l.pos).toBe(2);
    l.insert('X');
    expect(l.buf).toBe('abX\xc3\xa9');
    l.pos = l.buf.length;
    l.backspace();
    expect(l.buf).toBe('abX');
    l.pos = 0;
    l.del();
    expect(l.buf).toBe('bX');
  });
  it('kills words and line ends like readline', () => {
    const l = new LineState('$ ');
    l.insert('echo one two  ');
    l.killWord();
    expect(l.buf).toBe('echo one ');
    l.pos = 4;
    l.killEnd();
    expect(l.buf).toBe('echo');
    l.pos = 2;
    l.killStart();
    expect([l.buf, l.pos]).toEqual(['ho', 0]);
  });
  it('redraws only the last line of a multi-line prompt, cursor placed back', () => {
    const l = new LineState('first\nsecond> ');
    l.insert('abc');
    l.left();
    expect(l.render()).toBe('\rsecond> abc\x1b[K\x1b[1D');
  });
});

// Interactive-only bash builtins on the console: fc (over the history the line editor keeps),
// bind (readline's tables), suspend, and complete specs honoured by Tab.
import { describe, expect, it } from 'vitest';
import { Machine } from '../../src/init/machine.ts';

function session(): { type(s: string, ns?: number): string } {
  const m = new Machine({ interactive: true }).boot();
  m.run({ until: m.now + 1e9, maxEvents: 2_000_000 });
  m.takeConsole();
  return {
    type(s: string, ns = 2e9): string {
      m.input(s);
      m.run({ until: m.now + ns, maxEvents: 2_000_000 });
      return m.takeConsole().replace(/\r\n/g, '\n');
    },
  };
}

/** The line as the terminal shows it after the output (backspaces and erases applied). */
function screenTail(out: string): string {
  let line = '';
  let col = 0;
  for (let i = 0; i < out.length; i++) {
    const c = out[i];
    if (c === '\r') col = 0;
    else if (c === '\n') { line = ''; col = 0; }
    else if (c === '\b') col--;
    else if (c === '\x1b') {
      const m = /^.\[(\d*)([A-Za-z])/.exec(out.slice(i));
      if (!m) continue;
      if (m[2] === 'K') line = line.slice(0, col);
      if (m[2] === 'D') col -= Number(m[1] || 1);
      i += m[0].length - 1;
    } else {
      line = line.slice(0, col) + c + line.slice(col + 1);
      col++;
    }
  }
  return line.replace(/^.*# /, '');
}

describe('fc in interactive bash', () => {
  it('lists the commands before it with numbers, -n, -r, ranges and offsets', () => {
    const s = session();
    s.type('echo one\r');
    s.type('echo two\r');
    s.type('echo three\r');
    const n = /(\d+)\t echo one/.exec(s.type('fc -l\r'));
    expect(n).not.toBeNull();
    const k = Number(n![1]);
    // fc -l itself went into the history: the second fc -l lists the first.
    expect(s.type('fc -l -2\r')).toContain(`${k + 2}\t echo three\n${k + 3}\t fc -l\n`);
    expect(s.type('fc -ln -3 -2\r')).toContain('\t echo three\n\t fc -l\n');
    expect(s.type(`fc -lr ${k} ${k + 1}\r`)).toContain(`${k + 1}\t echo two\n${k}\t echo one\n`);
    expect(s.type('fc -l ec ec\r')).toContain(`${k + 2}\t echo three\n`);
    expect(s.type('fc -l nosuch\r')).toContain('bash: fc: no command found');
  });

  it('re-runs a command with fc -s old=new, which takes the place of the fc line', () => {
    const s = session();
    s.type('echo alpha beta\r');
    const out = s.type('fc -s beta=gamma\r');
    expect(out).toContain('echo alpha gamma\nalpha gamma\n');
    expect(s.type('fc -s ec\r')).toContain('echo alpha gamma\nalpha gamma\n');
    expect(s.type('history 2\r')).toMatch(/\d+ {2}echo alpha gamma\n\s+\d+ {2}history 2\n/);
  });

  it('runs the editor, which is missing here: vi not found, status 1, fc line dropped', () => {
    const s = session();
    s.type('echo e1\r');
    const out = s.type('fc; echo "st=$?"\r');
    expect(out).toContain('bash: vi: command not found\n');
    expect(out).toContain('st=1\n');
    // FCEDIT names a command that edits: its file's commands run and are echoed.
    s.type('echo e2\r');
    expect(s.type("FCEDIT=true; fc\r")).toContain('echo e2\ne2\n');
  });

  it('matches a bash 5.2 session line for line (recorded with bash --norc -i, PATH without vi)', () => {
    const s = session();
    s.type('PS1="$ "\r');
    let got = '';
    for (const l of ['echo e1', 'fc', 'echo st=$?', 'echo alpha beta', 'fc -s beta=gamma', 'fc -l -3', 'FCEDIT=:',
      'fc', 'fc -l -3', 'fc -l 1 2', 'fc -l 0', 'fc -l -0', 'fc -s nosuch', 'fc -l 99', 'fc -lnr 2 3']) got += s.type(`${l}\r`);
    // The console's bash is a login shell: its messages say "-bash:".
    const want = [
      "$ echo e1",
      "e1",
      "$ fc",
      "bash: vi: command not found",
      "$ echo st=$?",
      "st=1",
      "$ echo alpha beta",
      "alpha beta",
      "$ fc -s beta=gamma",
      "echo alpha gamma",
      "alpha gamma",
      "$ fc -l -3",
      "3\t echo st=$?",
      "4\t echo alpha beta",
      "5\t echo alpha gamma",
      "$ FCEDIT=:",
      "$ fc",
      "FCEDIT=:",
      "$ fc -l -3",
      "6\t fc -l -3",
      "7\t FCEDIT=:",
      "8\t FCEDIT=:",
      "$ fc -l 1 2",
      "1\t PS1=\"$ \"",
      "2\t echo e1",
      "$ fc -l 0",
      "10\t fc -l 1 2",
      "$ fc -l -0",
      "12\t fc -l -0",
      "$ fc -s nosuch",
      "bash: fc: no command found",
      "$ fc -l 99",
      "1\t PS1=\"$ \"",
      "2\t echo e1",
      "3\t echo st=$?",
      "4\t echo alpha beta",
      "5\t echo alpha gamma",
      "6\t fc -l -3",
      "7\t FCEDIT=:",
      "8\t FCEDIT=:",
      "9\t fc -l -3",
      "10\t fc -l 1 2",
      "11\t fc -l 0",
      "12\t fc -l -0",
      "13\t fc -s nosuch",
      "$ fc -lnr 2 3",
      "\t echo st=$?",
      "\t echo e1",
    ].join('\n');
    expect(`$ ${got}`).toBe(`${want.replace(/^bash:/gm, '-bash:')}\n$ `);
  });
});

describe('bind, suspend and complete in interactive bash', () => {
  it('bind works without the warning and a rebound key does what it is bound to', () => {
    const s = session();
    const out = s.type('bind -q beginning-of-line; bind \'"\\C-a": end-of-line\'\r');
    expect(out).toContain('beginning-of-line can be invoked via "\\C-a", "\\M-OH", "\\M-[1~", "\\M-[H".\n');
    expect(out).not.toContain('line editing not enabled');
    // ^A now moves to the end: "X" lands after "echo ab", not before it.
    expect(s.type('echo ab\x02\x02\x01X\r')).toContain('\nabX\n');
    s.type("bind -r '\\C-a'\r");
    // Unbound, ^A does nothing.
    expect(s.type('echo cd\x02\x01Y\r')).toContain('\ncYd\n');
  });

  it('suspend refuses in the login shell and stops a non-login bash until fg', () => {
    const s = session();
    expect(s.type('suspend; echo "st=$?"\r')).toContain('-bash: suspend: cannot suspend a login shell\nst=1\n');
    s.type('bash\r');
    const stopped = s.type('suspend\r');
    expect(stopped).toMatch(/\[1\]\+ {2}Stopped {17}bash\n/);
    expect(s.type('jobs\r')).toMatch(/\[1\]\+ {2}Stopped {17}bash\n/);
    s.type('fg\r');
    expect(s.type('echo "inner $BASH_SUBSHELL $SHLVL"\r')).toContain('inner 0 2\n');
    expect(s.type('suspend -f x; echo no\r')).toContain('bash: suspend: too many arguments\n');
  });

  it('Tab completes the words of complete -W and -F for the command', () => {
    const s = session();
    s.type('complete -W "alpha beta bravo" mycmd\r');
    expect(s.type('mycmd al\t')).toContain('pha ');
    s.type('\x15');
    // Two choices: their common prefix, then the list on the second Tab.
    expect(s.type('mycmd b\t')).toContain('r');
    expect(s.type('\t')).toMatch(/beta\s+bravo/);
    s.type('\x15');
    s.type('_f() { COMPREPLY=("$2-w$COMP_CWORD-${COMP_WORDS[1]}-$3"); }; complete -F _f fcmd\r');
    expect(s.type('fcmd x\t')).toContain('-w1-x-fcmd ');
    s.type('\x15');
    // A reply that does not extend the word replaces it, as readline does.
    s.type('_h() { COMPREPLY=(other); }; complete -F _h hcmd\r');
    expect(screenTail(s.type('hcmd abc\t'))).toBe('hcmd other ');
    s.type('\x15');
    // compopt without a name changes the completion in progress: no space after the word.
    s.type('_g() { compopt -o nospace; COMPREPLY=(gword); }; complete -F _g echo\r');
    expect(s.type('echo gw\t')).toContain('ord');
    expect(s.type('X\r')).toContain('\ngwordX\n');
    expect(s.type('complete -p echo\r')).toContain('complete -F _g echo\n');
  });
});

// The interactive shell on the machine's console: prompts, line editing in raw mode, history,
// completion, ^C/^D, and job control (each job its own process group, ^Z, fg, bg, jobs).
import { describe, expect, it } from 'vitest';
import { Machine } from '../../src/init/machine.ts';

/** A console session: type, let the machine run a while, collect what the terminal showed. */
function session(): { type(s: string, ns?: number): string } {
  const m = new Machine({ interactive: true }).boot();
  m.run({ until: m.now + 1e9, maxEvents: 2_000_000 });
  m.takeConsole();
  return {
    type(s: string, ns = 5e8): string {
      m.input(s);
      m.run({ until: m.now + ns, maxEvents: 2_000_000 });
      return m.takeConsole();
    },
  };
}

const ESC = String.fromCharCode(27);

/** What a terminal would show for a line: apply \r and ESC[K / ESC[nD / ESC[H ESC[2J. */
function screenLine(out: string): string {
  let line = '';
  let col = 0;
  for (let i = 0; i < out.length; i++) {
    const c = out[i];
    if (c === '\r') col = 0;
    else if (c === '\n') { line = ''; col = 0; }
    else if (c === ESC) {
      const m = /^.\[(\d*)([A-Za-z])/.exec(out.slice(i));
      if (!m) continue;
      if (m[2] === 'K') line = line.slice(0, col);
      if (m[2] === 'D') col -= Number(m[1] || 1);
      if (m[2] === 'J') { line = ''; col = 0; }
      i += m[0].length - 1;
    } else if (c !== '\x07') {
      line = line.slice(0, col) + c + line.slice(col + 1);
      col++;
    }
  }
  return line;
}

describe('interactive bash on the console', () => {
  it('runs commands and expands bash prompt escapes', () => {
    const s = session();
    // /etc/bash.bashrc sets PS1='\u@\h:\w\$ '.
    expect(s.type('echo hi\r')).toBe('echo hi\nhi\nroot@khelper:~# '.replace(/\n/g, '\r\n'));
    expect(s.type("PS1='\\s-\\v\\$ '\r")).toContain('bash-5.2# ');
    s.type("PS1='\\u@\\h:\\w\\$ '\r");
    expect(s.type('cd /tmp\r')).toContain('root@khelper:/tmp# ');
  });

  it('edits the line: cursor keys, ^A ^E ^K ^U ^W, backspace, delete', () => {
    const s = session();
    // "echo abc", left twice, insert X, ^E, backspace -> "echo aXb"
    let out = s.type('echo abc\x1b[D\x1b[DX\x05\x7f');
    expect(screenLine(out)).toBe('root@khelper:~# echo aXb');
    out = s.type('\x01\x1b[3~e\r');
    expect(out).toContain('\r\naXb\r\n');
    expect(screenLine(s.type('echo one two\x17\x17three'))).toBe('root@khelper:~# echo three');
    expect(screenLine(s.type('\x01\x0b'))).toBe('root@khelper:~# ');
    expect(screenLine(s.type('xyz\x15echo ok'))).toBe('root@khelper:~# echo ok');
  });

  it('recalls history with Up and Down, multi-line commands as one entry', () => {
    const s = session();
    s.type('echo first\r');
    s.type('if true\r');
    s.type('then echo second; fi\r');
    expect(screenLine(s.type('\x1b[A'))).toBe('root@khelper:~# if true; then echo second; fi');
    expect(screenLine(s.type('\x1b[A'))).toBe('root@khelper:~# echo first');
    expect(screenLine(s.type('\x1b[B'))).toBe('root@khelper:~# if true; then echo second; fi');
    expect(s.type('\r')).toContain('\r\nsecond\r\n');
  });

  it('completes command names and file names with Tab', () => {
    const s = session();
    expect(screenLine(s.type('ech\t'))).toBe('root@khelper:~# echo ');
    expect(screenLine(s.type('/bi\t'))).toBe('root@khelper:~# echo /bin/');
    s.type('\x15');
    s.type('cd /tmp\r');
    s.type('touch_like() { : > "$1"; }; touch_like alpha1; touch_like alpha2\r');
    expect(screenLine(s.type('cat al\t'))).toBe('root@khelper:/tmp# cat alpha');
    expect(s.type('\t')).toContain('alpha1  alpha2');
    s.type('\x15');
    expect(screenLine(s.type('echo $HOS\t'))).toBe('root@khelper:/tmp# echo $HOST');
    expect(screenLine(s.type('N\t'))).toBe('root@khelper:/tmp# echo $HOSTNAME ');
    expect(screenLine(s.type('${LOGN\t'))).toBe('root@khelper:/tmp# echo $HOSTNAME ${LOGNAME}');
  });

  it('abandons a line with ^C ($? 130) and exits on ^D', () => {
    const s = session();
    expect(s.type('some text\x03')).toBe('some text^C\r\nroot@khelper:~# ');
    expect(s.type('echo $?\r')).toContain('\r\n130\r\n');
    // init respawns the login shell after it exits.
    expect(s.type('\x04', 1e9)).toContain('exit\r\n');
  });

  it('puts a job in the background with ^Z and brings it back with fg', () => {
    const s = session();
    s.type('cat\r');
    expect(s.type('\x1a')).toBe('^Z[1]+  Stopped                 cat\r\nroot@khelper:~# ');
    expect(s.type('jobs\r')).toContain('[1]+  Stopped                 cat\r\n');
    expect(s.type('fg\r')).toBe('fg\r\ncat\r\n');
    expect(s.type('line\r')).toBe('line\r\nline\r\n');
    expect(s.type('\x04')).toBe('root@khelper:~# ');
  });

  it('reports a job stopped by a signal and runs it on with fg', () => {
    const s = session();
    // bash 5.2 (printable_job_status) says "Stopped" for SIGSTOP too, checked under script(1).
    expect(s.type("sh -c 'kill -STOP $$; echo resumed; exit 3'\r")).toContain("[1]+  Stopped                 sh -c 'kill -STOP $$; echo resumed; exit 3'");
    expect(s.type('fg\r')).toContain('resumed');
    expect(s.type('echo $?\r')).toContain('\r\n3\r\n');
  });

  it('expands history references and lists history', () => {
    const s = session();
    s.type('echo one two\r');
    expect(s.type('echo !$\r')).toContain('echo !$\r\necho two\r\ntwo\r\n');
    expect(s.type('!nosuch\r')).toContain('bash: !nosuch: event not found\r\n');
    expect(s.type('^two^three\r')).toContain('echo three\r\nthree\r\n');
    const hist = s.type('history 3\r');
    expect(hist).toMatch(/ {4}\d {2}echo two\r\n {4}\d {2}echo three\r\n {4}\d {2}history 3\r\n/);
    expect(s.type('echo $-\r')).toContain('himBHs');
  });

  it('searches history with ^R and yanks, transposes and moves by words', () => {
    const s = session();
    s.type('echo alpha\r');
    s.type('echo beta\r');
    expect(s.type('\x12alp')).toContain("(reverse-i-search)`alp': echo alpha");
    expect(s.type('\r')).toContain('\r\nalpha\r\n');
    // ^R then Right arrow: the match is left to edit.
    const shown = s.type('\x12bet\x1b[C') + s.type(' x');
    expect(screenLine(shown)).toBe('root@khelper:~# echo beta x');
    s.type('\x15');
    // ^W kills a word, ^Y puts it back; ^T swaps the last two characters; M-b moves a word left.
    expect(screenLine(s.type('echo one two\x17\x19'))).toBe('root@khelper:~# echo one two');
    expect(screenLine(s.type('\x14'))).toBe('root@khelper:~# echo one tow');
    expect(screenLine(s.type('\x1bbX'))).toBe('root@khelper:~# echo one Xtow');
  });

  it('runs each job in its own process group with the terminal', () => {
    const s = session();
    const out = s.type('cat /proc/self/stat\r');
    const f = /\r\n(\d+) \(cat\) \S+ (\d+) (\d+) (\d+) \d+ (\d+)/.exec(out)!;
    // pid, ppid, pgrp, session, tpgid: the job leads its group and owns the terminal.
    expect(f[3]).toBe(f[1]);
    expect(f[5]).toBe(f[1]);
  });
});

describe('interactive sh', () => {
  it('uses dash prompts and job lines', () => {
    const s = session();
    expect(s.type('exec sh\r')).toContain('# ');
    expect(s.type('echo $0 $-\r')).toContain('sh smi');
    s.type('cat\r');
    expect(s.type('\x1a')).toBe('^Z[1] + Stopped                    cat\r\n# ');
  });
});

// drivers/tty/n_tty.c eraser(): VERASE, VWERASE and VKILL on the line being typed, and how the
// erase is shown (ECHOE "\b \b", ECHOPRT "\erased/", ECHOK/ECHOKE, tabs, ^X pairs, UTF-8).
import type { Termios } from '../uapi/termios.ts';
import { ECHO, ECHOCTL, ECHOE, ECHOK, ECHOKE, ECHOPRT, IUTF8, VERASE, VKILL, VWERASE } from '../uapi/termios.ts';
import type { ReadBuffer } from './n_tty_buf.ts';
import type { TtyOutput } from './n_tty_output.ts';
import { isUtf8Continuation, isalnum, iscntrl } from './n_tty_output.ts';

type KillType = 'erase' | 'werase' | 'kill';

export function eraser(rb: ReadBuffer, out: TtyOutput, t: Termios, c: number): void {
  if (rb.head === rb.canonHead) return; // nothing to erase: Linux does not even beep
  const echo = (t.lflag & ECHO) !== 0;
  const cont = (b: number): boolean => (t.iflag & IUTF8) !== 0 && isUtf8Continuation(b);
  let kind: KillType;
  if (c === t.cc[VERASE]) kind = 'erase';
  else if (c === t.cc[VWERASE]) kind = 'werase';
  else {
    if (!echo) {
      rb.head = rb.canonHead;
      return;
    }
    if (!(t.lflag & ECHOK) || !(t.lflag & ECHOKE) || !(t.lflag & ECHOE)) {
      // Without the full ECHOKE trio the kill character itself is echoed, then a newline (ECHOK).
      rb.head = rb.canonHead;
      out.finishErasing();
      out.echoChar(t.cc[VKILL]);
      if (t.lflag & ECHOK) out.echoCharRaw(0x0a);
      return;
    }
    kind = 'kill';
  }
  let seenAlnums = 0;
  while (rb.head !== rb.canonHead) {
    let head = rb.head;
    do {
      head--;
      c = rb.at(head);
    } while (cont(c) && head !== rb.canonHead);
    if (cont(c)) break; // never erase half a character
    if (kind === 'werase') {
      // BSD's ALTWERASE: a word is alphanumerics and '_'; punctuation before it goes too.
      if (isalnum(c) || c === 0x5f) seenAlnums++;
      else if (seenAlnums) break;
    }
    const cnt = rb.head - head;
    rb.head = head;
    if (echo) echoErased(rb, out, t, c, kind, head, cnt);
    if (kind === 'erase') break;
  }
  if (rb.head === rb.canonHead && echo) out.finishErasing();
}

/** The visual side of erasing the character `c` (cnt bytes from `head`). */
function echoErased(rb: ReadBuffer, out: TtyOutput, t: Termios, c: number, kind: KillType, head: number, cnt: number): void {
  const echoctl = (t.lflag & ECHOCTL) !== 0;
  if (t.lflag & ECHOPRT) {
    if (!out.erasing) {
      out.echoCharRaw(0x5c);
      out.erasing = true;
    }
    out.echoChar(c);
    while (--cnt > 0) {
      head++;
      out.echoCharRaw(rb.at(head));
      out.echoMoveBackCol();
    }
  } else if (kind === 'erase' && !(t.lflag & ECHOE)) {
    out.echoChar(t.cc[VERASE]);
  } else if (c === 0x09) {
    // How far back the tab went depends on the columns used since the line start or the
    // previous tab; the echo op works it out against the column the line started at.
    let numChars = 0;
    let afterTab = false;
    for (let i = rb.head; i !== rb.canonHead;) {
      i--;
      const p = rb.at(i);
      if (p === 0x09) {
        afterTab = true;
        break;
      } else if (iscntrl(p)) {
        if (echoctl) numChars += 2;
      } else if (!((t.iflag & IUTF8) && isUtf8Continuation(p))) numChars++;
    }
    out.echoEraseTab(numChars, afterTab);
  } else {
    // A control character echoed as "^X" takes two columns to erase.
    if (iscntrl(c) && echoctl) bsSpBs(out);
    if (!iscntrl(c) || echoctl) bsSpBs(out);
  }
}

function bsSpBs(out: TtyOutput): void {
  out.echoCharRaw(0x08);
  out.echoCharRaw(0x20);
  out.echoCharRaw(0x08);
}

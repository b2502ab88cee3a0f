// The Machine facade: the one object hosts (worker, CLI) drive. Foundation stage: a line echo
// behind the real boundary; the kernel and user land replace it.
export interface MachineOutput {
  tty: string;
}

export class Machine {
  private line = '';
  private out = '';

  boot(): void {
    this.out += 'khelper (foundation): the engine is wired; lines you type come back.\r\n# ';
  }

  input(data: string): void {
    for (const ch of data) {
      if (ch === '\r' || ch === '\n') {
        this.out += `\r\n${this.line}\r\n# `;
        this.line = '';
      } else if (ch === '\x7f') {
        if (this.line) {
          this.line = this.line.slice(0, -1);
          this.out += '\b \b';
        }
      } else {
        this.line += ch;
        this.out += ch;
      }
    }
  }

  drain(): MachineOutput {
    const tty = this.out;
    this.out = '';
    return { tty };
  }
}

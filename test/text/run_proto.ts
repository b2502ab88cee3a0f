// Performs an engine's TextReq requests against a MemFs: what a program wrapper does with
// syscalls, minus processes. Reads come in small chunks to exercise the engines' buffering.
import { EBADF, ENOTDIR } from '../../src/uapi/errno.ts';
import type { TextGen, TextReq } from '../../src/userland/text/textio.ts';
import type { MemFs, Run } from './memfs.ts';

export interface ProtoOptions {
  chunk?: number;
  /** Commands for system() and pipes: name -> (stdin) => [stdout, status]. */
  commands?: Record<string, (input: string) => [string, number]>;
}

export function runProto(gen: TextGen<number>, fs: MemFs, stdin = '', opt: ProtoOptions = {}): Run & { ticks: number } {
  const chunk = opt.chunk ?? 7;
  let stdout = '';
  let stderr = '';
  let ticks = 0;
  const open = new Map<string, { data: string; pos: number }>();
  const pipesOut = new Map<string, string>();
  const pipesIn = new Map<string, { data: string; pos: number }>();
  const run = (cmd: string, input: string): [string, number] => {
    const f = opt.commands?.[cmd];
    return f ? f(input) : ['', 127];
  };
  let answer: unknown;
  for (;;) {
    const step = gen.next(answer);
    if (step.done) return { stdout, stderr, status: step.value, ticks };
    const req: TextReq = step.value;
    answer = 0;
    switch (req.op) {
      case 'tick': ticks++; break;
      case 'out': if (req.fd === 1) stdout += req.data; else stderr += req.data; break;
      case 'open': {
        if (req.file === '-') { open.set('-', { data: stdin, pos: 0 }); break; }
        const d = fs.read(req.file);
        if (typeof d === 'number') answer = d;
        else open.set(req.file, { data: d, pos: 0 });
        break;
      }
      case 'read': {
        const f = open.get(req.file);
        if (!f) { answer = -EBADF; break; }
        answer = f.data.slice(f.pos, f.pos + chunk);
        f.pos += chunk;
        break;
      }
      case 'close': open.delete(req.file); break;
      case 'list': {
        answer = fs.isDir(req.dir) ? fs.list(req.dir) : typeof fs.read(req.dir) === 'number' ? fs.read(req.dir) : -ENOTDIR;
        break;
      }
      case 'size': {
        if (req.file === '-') { answer = -1; break; }
        const d = fs.read(req.file);
        answer = typeof d === 'string' ? d.length : d;
        break;
      }
      case 'write': {
        const prev = req.append ? (fs.read(req.file) as string) : '';
        answer = fs.write(req.file, (typeof prev === 'string' ? prev : '') + req.data);
        break;
      }
      case 'system': {
        const [o, st] = run(req.cmd, '');
        stdout += o;
        answer = st;
        break;
      }
      case 'pipe-write': pipesOut.set(req.cmd, (pipesOut.get(req.cmd) ?? '') + req.data); break;
      case 'pipe-read': {
        let p = pipesIn.get(req.cmd);
        if (!p) { p = { data: run(req.cmd, '')[0], pos: 0 }; pipesIn.set(req.cmd, p); }
        answer = p.data.slice(p.pos, p.pos + chunk);
        p.pos += chunk;
        break;
      }
      case 'pipe-close': {
        if (pipesOut.has(req.cmd)) {
          const [o, st] = run(req.cmd, pipesOut.get(req.cmd)!);
          stdout += o;
          pipesOut.delete(req.cmd);
          answer = st;
        } else if (pipesIn.has(req.cmd)) {
          pipesIn.delete(req.cmd);
          answer = 0;
        } else answer = -1;
        break;
      }
    }
  }
}

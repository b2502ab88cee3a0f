// bash's history builtin over the line editor's list: history [N], -c, -d OFFSET.
import type { UserGen } from '../../../uapi/syscalls.ts';
import { ShError } from '../errors.ts';
import { out1 } from '../output.ts';
import type { ShState } from '../state.ts';
import { register } from './table.ts';

function* historycmd(sh: ShState, argv: string[]): UserGen<number> {
  const args = argv.slice(1);
  if (args[0] === '-c') {
    sh.history.length = 0;
    return 0;
  }
  if (args[0] === '-d') {
    const n = Number(args[1]);
    const i = n - 1 - sh.historyBase;
    if (!Number.isInteger(n) || i < 0 || i >= sh.history.length) throw new ShError(`${args[1]}: history position out of range`, 1);
    sh.history.splice(i, 1);
    return 0;
  }
  let count = sh.history.length;
  if (args[0] !== undefined) {
    if (!/^\d+$/.test(args[0])) throw new ShError(`${args[0]}: numeric argument required`, 1);
    count = Math.min(count, Number(args[0]));
  }
  const start = sh.history.length - count;
  for (let i = start; i < sh.history.length; i++) out1(sh, `${String(i + 1 + sh.historyBase).padStart(5)}  ${sh.history[i]}\n`);
  return 0;
}

register('history', 'uB', historycmd);

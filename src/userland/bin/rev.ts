// util-linux 2.38 rev: each line with its characters reversed (bytes, in the C locale), the
// newline kept at the end; a last line without one stays without.
import type { ProgramArgs, UserGen } from '../../uapi/syscalls.ts';
import { strerror } from '../../uapi/errno.ts';
import { Output, warn } from './common.ts';
import { forEachPiece } from './inputs.ts';
import { writeAll } from '../lib/io.ts';
import { L, helpText, parseArgs, versionText } from './opts.ts';

export function revData(data: string): string {
  return data.split('\n').map((l) => l.split('').reverse().join('')).join('\n');
}

export function* rev({ argv }: ProgramArgs): UserGen {
  const p = yield* parseArgs(argv, { short: 'Vh', long: { version: L('V'), help: L('h') } },
    { name: 'rev', tryName: 'rev' });
  if ('exit' in p) return p.exit;
  for (const o of p.opts) {
    yield* writeAll(1, o.key === 'h' ? helpText('rev', argv[0]) : versionText('rev', argv[0]));
    return 0;
  }
  const out = new Output();
  let status = 0;
  for (const name of p.operands.length ? p.operands : ['-']) {
    const r = yield* forEachPiece(name, 'rev', '\n', function* (piece) {
      yield* out.put(revData(piece));
    });
    if ('open' in r) {
      yield* warn('rev', `cannot open ${name}: ${strerror(-r.open)}`);
      status = 1;
      continue;
    }
    if ('read' in r) {
      // rev's read loop reports the name and the line number it reached.
      yield* warn('rev', `${name}: 0: ${strerror(-r.read)}`);
      status = 1;
      continue;
    }
  }
  return yield* out.finish('rev', status);
}

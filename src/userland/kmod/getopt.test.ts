import { describe, expect, it } from 'vitest';
import { Getopt, type LongOption } from './getopt.ts';
import { MODPROBE_LONGOPTS, MODPROBE_SHORTOPTS } from './modprobe-opts.ts';

function parse(argv: string[], short = MODPROBE_SHORTOPTS, long: LongOption[] = MODPROBE_LONGOPTS, posix = false) {
  const errors: string[] = [];
  const g = new Getopt(argv, short, long, (m) => errors.push(m), posix);
  const opts: string[] = [];
  for (let o = g.next(); o; o = g.next()) opts.push(o.arg === null ? o.opt : `${o.opt}=${o.arg}`);
  return { opts, operands: g.operands(), errors };
}

describe('getopt_long (glibc semantics)', () => {
  it('fact 23: options may follow operands (permutation), and -- ends option parsing', () => {
    expect(parse(['modprobe', 'lumen', '-v', '--', '-q', 'x'])).toEqual({ opts: ['v'], operands: ['lumen', '-q', 'x'], errors: [] });
  });

  it('clusters and attached or separate arguments', () => {
    expect(parse(['modprobe', '-qvC/etc/x', '-S', '5.0', 'm']).opts).toEqual(['q', 'v', 'C=/etc/x', 'S=5.0']);
    expect(parse(['modprobe', '--config=/a', '--dirname', '/r', 'm']).opts).toEqual(['C=/a', 'd=/r']);
  });

  it('unambiguous long prefixes are accepted; same-meaning matches are not ambiguous', () => {
    expect(parse(['modprobe', '--verb', '--first', '--ignore', 'm']).opts).toEqual(['v', '#first-time', 'i']);
  });

  it('errors use glibc texts with argv[0] as invoked', () => {
    expect(parse(['/sbin/modprobe', '-x']).errors).toEqual(["/sbin/modprobe: invalid option -- 'x'\n"]);
    expect(parse(['modprobe', '--bogus=1']).errors).toEqual(["modprobe: unrecognized option '--bogus=1'\n"]);
    expect(parse(['modprobe', '-C']).errors).toEqual(["modprobe: option requires an argument -- 'C'\n"]);
    expect(parse(['modprobe', '--config']).errors).toEqual(["modprobe: option '--config' requires an argument\n"]);
    expect(parse(['modprobe', '--quiet=1']).errors).toEqual(["modprobe: option '--quiet' doesn't allow an argument\n"]);
    expect(parse(['modprobe', '--show-']).errors).toEqual([
      "modprobe: option '--show-' is ambiguous; possibilities: '--show-alias' '--show-depends' '--show-config' '--show-modversions' '--show-exports'\n",
    ]);
  });

  it('a leading + or POSIXLY_CORRECT stops at the first operand', () => {
    expect(parse(['kmod', 'list', '-v'], '+hV', [])).toEqual({ opts: [], operands: ['list', '-v'], errors: [] });
    expect(parse(['modprobe', 'm', '-v'], MODPROBE_SHORTOPTS, MODPROBE_LONGOPTS, true).operands).toEqual(['m', '-v']);
  });

  it('a lone - is an operand', () => {
    expect(parse(['insmod', '-'], 'fsvVh', []).operands).toEqual(['-']);
  });
});

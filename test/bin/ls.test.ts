// ls: layouts compared byte for byte with GNU ls 9.1 on the same names (Debian 12, LC_ALL=C),
// long format fields, sorting, operands and errors.
import { describe, expect, it } from 'vitest';
import { boot, run } from './harness.ts';

const NAMES = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu', 'nu', 'xi',
  'omicron', 'pi', 'rho', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega', 'with space', "it's"];
const files: Record<string, string | { content: string; mode: number }> = { '/root/t/dir/.keep': '' };
for (const n of NAMES) files[`/root/t/${n}`] = n === 'beta' ? { content: '', mode: 0o755 } : '';

describe('ls layouts (recorded)', () => {
  it('-C -w 60 with shell-escape quoting aligns unquoted names', () => {
    expect(run(['ls', '-C', '-w', '60', '--quoting-style=shell-escape'], { files, cwd: '/root/t' }).stdout).toBe(" alpha\t epsilon   kappa    omicron   sigma\t    xi\n beta\t eta\t   lambda   phi       tau\t    zeta\n chi\t gamma\t   mu\t    pi\t      theta\n delta\t iota\t   nu\t    psi       upsilon\n dir\t\"it's\"\t   omega    rho      'with space'\n");
  });
  it('-x -w 50 fills across', () => {
    expect(run(['ls', '-x', '-w', '50'], { files, cwd: '/root/t' }).stdout).toBe("alpha\t    beta   chi\t  delta    dir\t  epsilon\neta\t    gamma  iota   it's\t   kappa  lambda\nmu\t    nu\t   omega  omicron  phi\t  pi\npsi\t    rho    sigma  tau\t   theta  upsilon\nwith space  xi\t   zeta\n");
  });
  it('-m -w 40 separates with commas', () => {
    expect(run(['ls', '-m', '-w', '40'], { files, cwd: '/root/t' }).stdout).toBe("alpha, beta, chi, delta, dir, epsilon,\neta, gamma, iota, it's, kappa, lambda,\nmu, nu, omega, omicron, phi, pi, psi,\nrho, sigma, tau, theta, upsilon,\nwith space, xi, zeta\n");
  });
  it('-F -C -w 70 classifies', () => {
    expect(run(['ls', '-F', '-C', '-w', '70'], { files, cwd: '/root/t' }).stdout).toBe(
      'alpha  dir/\tiota\tmu\t phi  sigma    with space\nbeta*  epsilon\tit\'s\tnu\t pi   tau      xi\n' +
      'chi    eta\tkappa\tomega\t psi  theta    zeta\ndelta  gamma\tlambda\tomicron  rho  upsilon\n');
  });
  it('one per line when not a terminal, names literal', () => {
    const out = run(['ls', 't'], { files }).stdout.split('\n');
    expect(out.slice(0, 4)).toEqual(['alpha', 'beta', 'chi', 'delta']);
    expect(out).toContain("it's");
  });
});

describe('ls -l', () => {
  const lfiles = { '/root/d/small': 'hello\n', '/root/d/big': { content: '\0'.repeat(3000), mode: 0o751 }, '/root/d/sub/.k': '' };
  const withLink = () => {
    const m = boot({ files: lfiles });
    run(['ln', '-s', 'small', 'd/sl'], { machine: m });
    return m;
  };
  it('recent files show the time of day', () => {
    const m = withLink();
    const r = run(['ls', '-l', 'small', 'big'], { machine: m, cwd: '/root/d' });
    expect(r.stdout).toBe('-rwxr-x--x 1 root root 3000 Nov 14 22:13 big\n-rw-r--r-- 1 root root    6 Nov 14 22:13 small\n');
  });
  it('files older than six months show the year (recorded)', () => {
    const m = withLink();
    run(['sleep', '200d'], { machine: m, budget: 201 * 86400e9 });
    const r = run(['ls', '-l', 'small', 'big', 'sl'], { machine: m, cwd: '/root/d' });
    expect(r.stdout).toBe('-rwxr-x--x 1 root root 3000 Nov 14  2023 big\nlrwxrwxrwx 1 root root    5 Nov 14  2023 sl -> small\n' +
      '-rw-r--r-- 1 root root    6 Nov 14  2023 small\n');
    expect(run(['ls', '-lh', 'big'], { machine: m, cwd: '/root/d' }).stdout).toBe('-rwxr-x--x 1 root root 3.0K Nov 14  2023 big\n');
    expect(run(['ls', '-lgo', 'small'], { machine: m, cwd: '/root/d' }).stdout).toBe('-rw-r--r-- 1 6 Nov 14  2023 small\n');
    expect(run(['ls', '-ln', 'small'], { machine: m, cwd: '/root/d' }).stdout).toBe('-rw-r--r-- 1 0 0 6 Nov 14  2023 small\n');
  });
  it('device numbers replace the size', () => {
    const r = run(['ls', '-l', '/dev/null', '/dev/tty']);
    expect(r.stdout).toMatch(/^crw-rw-rw- 1 root root 1, 3 \w{3} [ \d]\d \d\d:\d\d \/dev\/null\ncrw-rw-rw- 1 root root 5, 0 .* \/dev\/tty\n$/);
  });
  it('a directory listing starts with total', () => {
    const r = run(['ls', '-l', 'd'], { files: lfiles });
    expect(r.stdout.split('\n')[0]).toMatch(/^total \d+$/);
    expect(r.stdout).toContain(' sub\n');
  });
});

describe('ls sorting and selection', () => {
  const sfiles = { '/root/d/small': 'hello\n', '/root/d/big': '\0'.repeat(5000), '/root/d/.hidden': '', '/root/d/sub/x': '' };
  it('-S sorts by size, -r reverses', () => {
    expect(run(['ls', '-S', 'd'], { files: sfiles }).stdout).toBe('big\nsub\nsmall\n');
    expect(run(['ls', '-r', 'd'], { files: sfiles }).stdout).toBe('sub\nsmall\nbig\n');
  });
  it('-t sorts newest first', () => {
    const m = boot({ files: sfiles });
    run(['sleep', '1'], { machine: m });
    run(['touch', 'd/big'], { machine: m });
    expect(run(['ls', '-t', 'd'], { machine: m }).stdout).toBe('big\nsmall\nsub\n');
    expect(run(['ls', '-tr', 'd'], { machine: m }).stdout).toBe('sub\nsmall\nbig\n');
  });
  it('-a and -A', () => {
    expect(run(['ls', '-a', 'd'], { files: sfiles }).stdout).toBe('.\n..\n.hidden\nbig\nsmall\nsub\n');
    expect(run(['ls', '-A', 'd'], { files: sfiles }).stdout).toBe('.hidden\nbig\nsmall\nsub\n');
  });
  it('-d lists directories themselves; -F classifies', () => {
    expect(run(['ls', '-dF', 'd/sub', 'd/small'], { files: sfiles }).stdout).toBe('d/small\nd/sub/\n');
  });
  it('files first, then directories with headers', () => {
    expect(run(['ls', 'd/sub', 'd/small'], { files: sfiles }).stdout).toBe('d/small\n\nd/sub:\nx\n');
  });
  it('-R recurses with headers', () => {
    expect(run(['ls', '-R', 'd'], { files: sfiles }).stdout).toBe('d:\nbig\nsmall\nsub\n\nd/sub:\nx\n');
  });
  it('-i prints inode numbers', () => {
    expect(run(['ls', '-i', 'd/small'], { files: sfiles }).stdout).toMatch(/^\d+ d\/small\n$/);
  });
});

describe('ls without sorting (-U, -f), as GNU ls 9.1 does', () => {
  const ufiles = { '/root/t/b': '', '/root/t/a': '', '/root/t/.h': '', '/root/t/zd/.k': '', '/root/t/ad/.k': '', '/root/t/zf': '', '/root/t/af': '' };
  it('-U keeps the command line order of files and directories, and -r does not reverse it (sort_files returns for sort_none)', () => {
    expect(run(['ls', '-Ur', 'zf', 'af', 'zd', 'ad'], { files: ufiles, cwd: '/root/t' }).stdout).toBe('zf\naf\n\nzd:\n\nad:\n');
    expect(run(['ls', '-r', 'zf', 'af', 'zd', 'ad'], { files: ufiles, cwd: '/root/t' }).stdout).toBe('zf\naf\n\nzd:\n\nad:\n');
    expect(run(['ls', '-U', 'zd', 'ad'], { files: ufiles, cwd: '/root/t' }).stdout).toBe('zd:\n\nad:\n');
  });
  it('-f is -a -U in directory order, and turns off a -l or -s given before it but not after', () => {
    const plain = run(['ls', '-f'], { files: ufiles, cwd: '/root/t' }).stdout;
    expect(plain).toBe('.\n..\nb\na\n.h\nzd\nad\nzf\naf\n');
    expect(run(['ls', '-fr'], { files: ufiles, cwd: '/root/t' }).stdout).toBe(plain);
    expect(run(['ls', '-lf'], { files: ufiles, cwd: '/root/t' }).stdout).toBe(plain);
    expect(run(['ls', '-sf'], { files: ufiles, cwd: '/root/t' }).stdout).toBe(plain);
    expect(run(['ls', '-fl'], { files: ufiles, cwd: '/root/t' }).stdout).toMatch(/^total \d+\ndr\S+ \d+ root root +\d+ \w+ +\d+ [\d:]+ \.\n/);
    expect(run(['ls', '-fs'], { files: ufiles, cwd: '/root/t' }).stdout).toMatch(/^total \d+\n\d+ \.\n\d+ \.\.\n\d+ b\n/);
  });
});

describe('ls errors', () => {
  it('a missing operand is reported first and gives status 2', () => {
    const r = run(['ls', 'nonexist', '/etc/motd']);
    expect(r.stderr).toBe("ls: cannot access 'nonexist': No such file or directory\n");
    expect(r.stdout).toBe('/etc/motd\n');
    expect(r.code).toBe(2);
  });
  it('an unknown option is status 2', () => {
    const r = run(['ls', '-j']);
    expect(r.stderr).toBe("ls: invalid option -- 'j'\nTry 'ls --help' for more information.\n");
    expect(r.code).toBe(2);
  });
});

// mkdir, rmdir, touch, chmod, ln, rm, cp, mv: effects on the file system and GNU 9.1's messages
// (recorded on Debian 12, LC_ALL=C).
import { describe, expect, it } from 'vitest';
import { kReadFile, kStat, kSymlink } from '../../src/kernel/vfs_api.ts';
import type { Machine } from '../../src/init/machine.ts';
import { boot, run } from './harness.ts';

const mode = (m: Machine, p: string, follow = true): number => {
  const st = kStat(m.k, p, follow);
  return typeof st === 'number' ? st : st.mode;
};
const exists = (m: Machine, p: string): boolean => typeof kStat(m.k, p, false) !== 'number';

describe('mkdir', () => {
  it('creates, and fails on an existing one with GNU message', () => {
    const m = boot();
    expect(run(['mkdir', 'a'], { machine: m }).code).toBe(0);
    expect(mode(m, '/root/a')).toBe(0o40755);
    const r = run(['mkdir', 'a'], { machine: m });
    expect(r.stderr).toBe("mkdir: cannot create directory 'a': File exists\n");
    expect(r.code).toBe(1);
  });
  it('missing parent without -p; -p -v creates the chain', () => {
    const m = boot();
    expect(run(['mkdir', 'x/y'], { machine: m }).stderr).toBe("mkdir: cannot create directory 'x/y': No such file or directory\n");
    const r = run(['mkdir', '-pv', 's/t'], { machine: m });
    expect(r.stdout).toBe("mkdir: created directory 's'\nmkdir: created directory 's/t'\n");
    expect(run(['mkdir', '-p', 's/t'], { machine: m }).code).toBe(0);
  });
  it('-m sets the exact mode; a bad mode is refused', () => {
    const m = boot();
    run(['mkdir', '-m', '700', 'm'], { machine: m });
    expect(mode(m, '/root/m') & 0o7777).toBe(0o700);
    run(['mkdir', '-m', 'a=rwx', 'w'], { machine: m });
    expect(mode(m, '/root/w') & 0o7777).toBe(0o777);
    expect(run(['mkdir', '-m', 'xyz', 'q'], { machine: m }).stderr).toBe("mkdir: invalid mode 'xyz'\n");
  });
  it('missing operand', () => {
    expect(run(['mkdir']).stderr).toBe("mkdir: missing operand\nTry 'mkdir --help' for more information.\n");
  });
});

describe('rmdir', () => {
  const files = { '/root/x/y/f': 'f', '/root/e/.keep': '' };
  it('reports non-empty, missing and non-directories', () => {
    const m = boot({ files });
    const r = run(['rmdir', 'x', 'nonex', 'x/y/f'], { machine: m });
    expect(r.stderr).toBe("rmdir: failed to remove 'x': Directory not empty\nrmdir: failed to remove 'nonex': No such file or directory\n" +
      "rmdir: failed to remove 'x/y/f': Not a directory\n");
    expect(r.code).toBe(1);
  });
  it('-p removes the ancestors; -v narrates; --ignore-fail-on-non-empty', () => {
    const m = boot();
    run(['mkdir', '-p', 'a/b/c'], { machine: m });
    const r = run(['rmdir', '-pv', 'a/b/c'], { machine: m });
    expect(r.stdout).toBe("rmdir: removing directory, 'a/b/c'\nrmdir: removing directory, 'a/b'\nrmdir: removing directory, 'a'\n");
    expect(exists(m, '/root/a')).toBe(false);
    expect(run(['rmdir', '--ignore-fail-on-non-empty', 'x'], { files }).code).toBe(0);
  });
});

describe('touch', () => {
  it('creates files, -c does not, reports a missing directory', () => {
    const m = boot();
    expect(run(['touch', 'f'], { machine: m }).code).toBe(0);
    expect(run(['touch', '-c', 'g'], { machine: m }).code).toBe(0);
    expect(kReadFile(m.k, '/root/f')).toBe('');
    expect(exists(m, '/root/g')).toBe(false);
    const r = run(['touch', 'x/y'], { machine: m });
    expect(r.stderr).toBe("touch: cannot touch 'x/y': No such file or directory\n");
    expect(r.code).toBe(1);
    expect(run(['touch']).stderr).toBe("touch: missing file operand\nTry 'touch --help' for more information.\n");
  });
  it('updates the modification time to now', () => {
    const m = boot({ files: { '/root/f': 'x' } });
    run(['sleep', '5'], { machine: m });
    run(['touch', 'f'], { machine: m });
    const st = kStat(m.k, '/root/f');
    expect(typeof st !== 'number' && st.mtime).toBeGreaterThanOrEqual(m.now - 1e9);
  });
});

describe('chmod', () => {
  const files = { '/root/f': 'x', '/root/d/g': 'y' };
  it('octal and symbolic modes', () => {
    const m = boot({ files });
    run(['chmod', 'u+x,g-r,o=rw', 'f'], { machine: m });
    expect(mode(m, '/root/f') & 0o7777).toBe(0o706);
    run(['chmod', 'a+X,+t', 'f'], { machine: m });
    expect(mode(m, '/root/f') & 0o7777).toBe(0o1717);
    run(['chmod', '=,u+s', 'f'], { machine: m });
    expect(mode(m, '/root/f') & 0o7777).toBe(0o4000);
    run(['chmod', '-w', 'd/g'], { machine: m });
    expect(mode(m, '/root/d/g') & 0o777).toBe(0o444);
    run(['chmod', 'go=u', 'd/g'], { machine: m });
    expect(mode(m, '/root/d/g') & 0o777).toBe(0o444);
  });
  it('-v and -c messages', () => {
    const m = boot({ files });
    expect(run(['chmod', '-v', '644', 'f'], { machine: m }).stdout).toBe("mode of 'f' retained as 0644 (rw-r--r--)\n");
    expect(run(['chmod', '-c', '644', 'f'], { machine: m }).stdout).toBe('');
    expect(run(['chmod', '-c', '640', 'f'], { machine: m }).stdout).toBe("mode of 'f' changed from 0644 (rw-r--r--) to 0640 (rw-r-----)\n");
  });
  it('-R walks the tree', () => {
    const m = boot({ files });
    const r = run(['chmod', '-Rv', '700', 'd'], { machine: m });
    expect(r.stdout).toBe("mode of 'd' changed from 0755 (rwxr-xr-x) to 0700 (rwx------)\nmode of 'd/g' changed from 0644 (rw-r--r--) to 0700 (rwx------)\n");
  });
  it('errors', () => {
    expect(run(['chmod']).stderr).toBe("chmod: missing operand\nTry 'chmod --help' for more information.\n");
    expect(run(['chmod', '644']).stderr).toBe("chmod: missing operand after '644'\nTry 'chmod --help' for more information.\n");
    const r = run(['chmod', '644', 'nonex']);
    expect(r.stderr).toBe("chmod: cannot access 'nonex': No such file or directory\n");
    expect(r.code).toBe(1);
    expect(run(['chmod', 'xyz', 'f'], { files }).stderr).toBe("chmod: invalid mode: 'xyz'\nTry 'chmod --help' for more information.\n");
  });
});

describe('ln', () => {
  const files = { '/root/f': 'x', '/root/d/.k': '' };
  it('hard and symbolic links with -v', () => {
    const m = boot({ files });
    expect(run(['ln', '-v', 'f', 'hf'], { machine: m }).stdout).toBe("'hf' => 'f'\n");
    expect(run(['ln', '-sv', 'f', 'sf'], { machine: m }).stdout).toBe("'sf' -> 'f'\n");
    expect(kReadFile(m.k, '/root/sf')).toBe('x');
    expect(mode(m, '/root/sf', false) & 0o170000).toBe(0o120000);
    const st = kStat(m.k, '/root/f');
    expect(typeof st !== 'number' && st.nlink).toBe(2);
  });
  it('existing link names, -f replaces', () => {
    const m = boot({ files });
    run(['ln', '-s', 'f', 'sf'], { machine: m });
    expect(run(['ln', '-s', 'f', 'sf'], { machine: m }).stderr).toBe("ln: failed to create symbolic link 'sf': File exists\n");
    expect(run(['ln', 'f', 'sf'], { machine: m }).stderr).toBe("ln: failed to create hard link 'sf': File exists\n");
    expect(run(['ln', '-sf', 'g', 'sf'], { machine: m }).code).toBe(0);
  });
  it('into a directory; refuses directories and missing targets', () => {
    const m = boot({ files });
    run(['ln', '-s', '/x', 'd'], { machine: m });
    expect(exists(m, '/root/d/x')).toBe(true);
    expect(run(['ln', 'nonex', 'z'], { machine: m }).stderr).toBe("ln: failed to access 'nonex': No such file or directory\n");
    expect(run(['ln', 'd', 'dl'], { machine: m }).stderr).toBe('ln: d: hard link not allowed for directory\n');
    expect(run(['ln', '-s', 'a', 'b', 'c'], { machine: m }).stderr).toBe("ln: target 'c': No such file or directory\n");
    expect(run(['ln'], { machine: m }).stderr).toBe("ln: missing file operand\nTry 'ln --help' for more information.\n");
  });
});

describe('rm', () => {
  const files = { '/root/f': 'x', '/root/e': '', '/root/d/e/f': 'z' };
  it('files, missing files, -f', () => {
    const m = boot({ files });
    const r = run(['rm', 'f', 'nonex'], { machine: m });
    expect(r.stderr).toBe("rm: cannot remove 'nonex': No such file or directory\n");
    expect(r.code).toBe(1);
    expect(exists(m, '/root/f')).toBe(false);
    expect(run(['rm', '-f', 'nonex'], { machine: m }).code).toBe(0);
    expect(run(['rm', '-f'], { machine: m }).code).toBe(0);
    expect(run(['rm'], { machine: m }).stderr).toBe("rm: missing operand\nTry 'rm --help' for more information.\n");
  });
  it('directories need -r (or -d when empty)', () => {
    const m = boot({ files });
    expect(run(['rm', 'd'], { machine: m }).stderr).toBe("rm: cannot remove 'd': Is a directory\n");
    expect(run(['rm', '-d', 'd'], { machine: m }).stderr).toBe("rm: cannot remove 'd': Directory not empty\n");
    const r = run(['rm', '-rv', 'd'], { machine: m });
    expect(r.stdout).toBe("removed 'd/e/f'\nremoved directory 'd/e'\nremoved directory 'd'\n");
    expect(exists(m, '/root/d')).toBe(false);
  });
  it('refuses / and . ..', () => {
    const r = run(['rm', '-r', '/']);
    expect(r.stderr).toBe("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n");
    expect(r.code).toBe(1);
    expect(run(['rm', '-r', '.']).stderr).toBe("rm: refusing to remove '.' or '..' directory: skipping '.'\n");
  });
  it('-i asks and reads the answer from stdin', () => {
    const m = boot({ files });
    const r = run(['rm', '-i', 'f', 'e'], { machine: m, stdin: 'n\ny\n' });
    expect(r.stderr).toBe("rm: remove regular file 'f'? rm: remove regular empty file 'e'? ");
    expect(exists(m, '/root/f')).toBe(true);
    expect(exists(m, '/root/e')).toBe(false);
  });
});

describe('cp', () => {
  const files = { '/root/f': 'data\n', '/root/d/g': 'g\n', '/root/d/s/h': 'h\n' };
  it('copies a file and reports verbose', () => {
    const m = boot({ files });
    expect(run(['cp', '-v', 'f', 'g'], { machine: m }).stdout).toBe("'f' -> 'g'\n");
    expect(kReadFile(m.k, '/root/g')).toBe('data\n');
    run(['cp', 'f', 'd'], { machine: m });
    expect(kReadFile(m.k, '/root/d/f')).toBe('data\n');
  });
  it('usage errors', () => {
    expect(run(['cp']).stderr).toBe("cp: missing file operand\nTry 'cp --help' for more information.\n");
    expect(run(['cp', 'f']).stderr).toBe("cp: missing destination file operand after 'f'\nTry 'cp --help' for more information.\n");
    expect(run(['cp', 'f', 'g', 'h'], { files }).stderr).toBe("cp: target 'h': No such file or directory\n");
  });
  it('source problems', () => {
    const m = boot({ files });
    expect(run(['cp', 'f', 'f'], { machine: m }).stderr).toBe("cp: 'f' and 'f' are the same file\n");
    expect(run(['cp', 'nonex', 'y'], { machine: m }).stderr).toBe("cp: cannot stat 'nonex': No such file or directory\n");
    expect(run(['cp', 'd', 'e'], { machine: m }).stderr).toBe("cp: -r not specified; omitting directory 'd'\n");
    expect(run(['cp', '-r', 'd', 'd/sub'], { machine: m }).stderr).toBe("cp: cannot copy a directory, 'd', into itself, 'd/sub'\n");
    expect(run(['cp', 'f', '/nonexist/x'], { machine: m }).stderr).toBe("cp: cannot create regular file '/nonexist/x': No such file or directory\n");
  });
  it('-r copies a tree, -rv lists it', () => {
    const m = boot({ files });
    const r = run(['cp', '-rv', 'd', 'e'], { machine: m });
    expect(r.stdout).toBe("'d' -> 'e'\n'd/g' -> 'e/g'\n'd/s' -> 'e/s'\n'd/s/h' -> 'e/s/h'\n");
    expect(kReadFile(m.k, '/root/e/s/h')).toBe('h\n');
  });
  it('copies symlinks as links under -r', () => {
    const m = boot({ files });
    kSymlink(m.k, 'g', '/root/d/l');
    run(['cp', '-r', 'd', 'e'], { machine: m });
    expect(mode(m, '/root/e/l', false) & 0o170000).toBe(0o120000);
  });
  it('-n keeps, -i asks', () => {
    const m = boot({ files: { ...files, '/root/g': 'old\n' } });
    expect(run(['cp', '-n', 'f', 'g'], { machine: m }).code).toBe(0);
    expect(kReadFile(m.k, '/root/g')).toBe('old\n');
    expect(run(['cp', '-i', 'f', 'g'], { machine: m, stdin: 'n\n' }).stderr).toBe("cp: overwrite 'g'? ");
    expect(kReadFile(m.k, '/root/g')).toBe('old\n');
  });
});

describe('mv', () => {
  const files = { '/root/f': 'data\n', '/root/d/g': 'g\n', '/root/e/d/x': 'x' };
  it('renames with -v, into directories', () => {
    const m = boot({ files });
    expect(run(['mv', '-v', 'f', 'h'], { machine: m }).stdout).toBe("renamed 'f' -> 'h'\n");
    run(['mv', 'h', 'd'], { machine: m });
    expect(kReadFile(m.k, '/root/d/h')).toBe('data\n');
  });
  it('errors as GNU words them', () => {
    const m = boot({ files });
    expect(run(['mv'], { machine: m }).stderr).toBe("mv: missing file operand\nTry 'mv --help' for more information.\n");
    expect(run(['mv', 'f'], { machine: m }).stderr).toBe("mv: missing destination file operand after 'f'\nTry 'mv --help' for more information.\n");
    expect(run(['mv', 'nonex', 'x'], { machine: m }).stderr).toBe("mv: cannot stat 'nonex': No such file or directory\n");
    expect(run(['mv', 'd', 'd/x'], { machine: m }).stderr).toBe("mv: cannot move 'd' to a subdirectory of itself, 'd/x'\n");
    expect(run(['mv', 'f', 'f'], { machine: m }).stderr).toBe("mv: 'f' and 'f' are the same file\n");
    expect(run(['mv', 'd', 'e'], { machine: m }).stderr).toBe("mv: cannot move 'd' to 'e/d': Directory not empty\n");
  });
  it('moves across filesystems by copying (EXDEV)', () => {
    const m = boot({ files });
    const r = run(['mv', 'd', '/dev/d2'], { machine: m });
    expect(r.stderr).toBe('');
    expect(kReadFile(m.k, '/dev/d2/g')).toBe('g\n');
    expect(exists(m, '/root/d')).toBe(false);
  });
});

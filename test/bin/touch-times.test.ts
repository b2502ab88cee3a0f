// touch -d/-t/-r/-a/-m/--time/-h set the times given (utimensat), recorded from touch 9.1 on this host
// (LC_ALL=C TZ=UTC, in an empty directory); the lines that depend on the clock were left out.
import { describe, expect, it } from 'vitest';
import { run } from './harness.ts';
import { sh } from '../kernel/procfs-format-helpers.ts';

const SCRIPT = "touch --time=x f1; echo $?\ntouch -r nonexist f1; echo $?\ntouch -d 2000-01-01 -t 200001010000 f1; echo $?\ntouch -t 0230 f1; echo $?\ntouch -d '2000-01-01 12:00:00.5' nf1 && stat -c '%x|%y' nf1\ntouch -a -d 2001-01-01 nf1 && stat -c '%x|%y' nf1\ntouch -m -t 199912312359.30 nf1 && stat -c '%x|%y' nf1\ntouch -r nf1 nf2 && stat -c '%x|%y' nf2\ntouch -r nf1 -d '+1 day' nf3 && stat -c '%x|%y' nf3\ntouch -t 6901010000 nf4 && stat -c %y nf4\ntouch -t 202602290000 nf5; echo $?\ntouch --time=access -d @5 nf6; stat -c '%x' nf6\ntouch --time=mod -d @7 nf6; stat -c '%x|%y' nf6\ntouch --time=a -d @7 nf6; echo $?\ntouch -c -d @9 nonexist; echo $?; ls nonexist 2>&1\ntouch -d 'junk' f9; echo $?\nln -s nf1 sl; touch -h -d @100 sl; stat -c '%y' sl nf1\ntouch -d '2000-01-01' -r nf6 nf7; stat -c '%x|%y' nf7\n";
const STDOUT = "1\n1\n1\n1\n2000-01-01 12:00:00.500000000 +0000|2000-01-01 12:00:00.500000000 +0000\n2001-01-01 00:00:00.000000000 +0000|2000-01-01 12:00:00.500000000 +0000\n2001-01-01 00:00:00.000000000 +0000|1999-12-31 23:59:30.000000000 +0000\n2001-01-01 00:00:00.000000000 +0000|1999-12-31 23:59:30.000000000 +0000\n2001-01-02 00:00:00.000000000 +0000|2000-01-01 23:59:30.000000000 +0000\n1969-01-01 00:00:00.000000000 +0000\n1\n1970-01-01 00:00:05.000000000 +0000\n1970-01-01 00:00:05.000000000 +0000|1970-01-01 00:00:07.000000000 +0000\n0\n0\nls: cannot access 'nonexist': No such file or directory\n1\n1970-01-01 00:01:40.000000000 +0000\n1999-12-31 23:59:30.000000000 +0000\n2000-01-01 00:00:00.000000000 +0000|2000-01-01 00:00:00.000000000 +0000\n";
const STDERR = "touch: invalid argument 'x' for '--time'\nValid arguments are:\n  - 'atime', 'access', 'use'\n  - 'mtime', 'modify'\nTry 'touch --help' for more information.\ntouch: failed to get attributes of 'nonexist': No such file or directory\ntouch: cannot specify times from more than one source\nTry 'touch --help' for more information.\ntouch: invalid date format '0230'\ntouch: invalid date format '202602290000'\ntouch: invalid date format 'junk'\n";

describe('touch sets the times it is given', () => {
  it('-d, -t, -r (with -d relative to the file), -a, -m, --time, -h, -c and their errors', () => {
    const r = run(['sh', '-c', `mkdir /tmp/tt && cd /tmp/tt && ${SCRIPT}`], { env: ['LC_ALL=C', 'TZ=UTC', 'PATH=/usr/bin:/bin'] });
    expect(r.stdout).toBe(STDOUT);
    expect(r.stderr).toBe(STDERR);
  });
  it('utimensat: explicit times need the owner (EPERM for another user), "now" needs write access', () => {
    // As uid 1000 (test/kernel's asuser), as su nobody on the host: root's 0644 file cannot be
    // opened for writing; a 0666 one refuses explicit times (EPERM) and takes "now".
    const r = sh('6.6', 'touch /tmp/ro /tmp/rw; chmod 666 /tmp/rw; asuser /bin/sh -c "touch -d @5 /tmp/ro; touch /tmp/ro; touch -d @5 /tmp/rw; touch /tmp/rw; echo done"');
    expect(r.stderr).toBe("touch: cannot touch '/tmp/ro': Permission denied\ntouch: cannot touch '/tmp/ro': Permission denied\n" +
      "touch: setting times of '/tmp/rw': Operation not permitted\n");
    expect(r.stdout).toBe('done\n');
  });
});

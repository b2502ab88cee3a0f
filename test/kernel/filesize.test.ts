// The ram filesystem's size limits are checked before a file's new contents are built, so a
// huge truncate(2) or a write far past the end fails at once instead of building the padding.
import { describe, expect, it } from 'vitest';
import { runSh } from '../../src/init/testing.ts';

describe('file size limits', () => {
  it('truncate -s 1E and a write 100 GB into a file fail with EFBIG (File too large) straight away', () => {
    const r = runSh('touch f; truncate -s 1E f; echo "st=$?"; dd if=/dev/zero of=g bs=1 count=1 seek=100000000000 2>/dev/null; echo "st=$?"; truncate -s 10 f; wc -c f', { timeout: 5e9 });
    expect(r.stdout).toBe('st=1\nst=1\n10 f\n');
    expect(r.stderr).toBe("truncate: failed to truncate 'f' at 1152921504606846976 bytes: File too large\n");
  });
});

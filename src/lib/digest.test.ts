import { describe, expect, it } from 'vitest';
import { md5Hex, posixCksum, sha256Hex } from './digest.ts';

describe('digests', () => {
  it('MD5: the RFC 1321 test suite', () => {
    expect(md5Hex('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(md5Hex('abc')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(md5Hex('12345678901234567890123456789012345678901234567890123456789012345678901234567890')).toBe('57edf4a22be3c955ac49da2e2107b67a');
  });

  it('SHA-256: the FIPS 180-2 examples, across a block boundary', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('cksum: the POSIX CRC with the length folded in (as GNU cksum prints it)', () => {
    expect(posixCksum('')).toBe(4294967295);
    expect(posixCksum('hello\n')).toBe(3015617425);
  });
});

// The engine moves bytes as "binary strings": one char per byte (0..255). These convert to and
// from the UTF-8 text that people type and read.
const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { fatal: false });

export function utf8ToBytes(text: string): string {
  // Fast path: ASCII needs no conversion.
  let ascii = true;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) { ascii = false; break; }
  if (ascii) return text;
  const u8 = enc.encode(text);
  let s = '';
  for (let i = 0; i < u8.length; i += 0x8000) s += String.fromCharCode(...u8.subarray(i, i + 0x8000));
  return s;
}

export function bytesToUtf8(bytes: string): string {
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) if (bytes.charCodeAt(i) > 0x7f) { ascii = false; break; }
  if (ascii) return bytes;
  return dec.decode(bytesToU8(bytes));
}

export function bytesToU8(bytes: string): Uint8Array {
  const u8 = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) u8[i] = bytes.charCodeAt(i) & 0xff;
  return u8;
}

export function u8ToBytes(u8: Uint8Array): string {
  let s = '';
  for (let i = 0; i < u8.length; i += 0x8000) s += String.fromCharCode(...u8.subarray(i, i + 0x8000));
  return s;
}

/** True if the bytes look like text (no NUL, few control characters), as an editor would judge. */
export function looksLikeText(bytes: string): boolean {
  const n = Math.min(bytes.length, 4096);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = bytes.charCodeAt(i);
    if (c === 0) return false;
    if (c < 8 || (c > 13 && c < 32 && c !== 27)) bad++;
  }
  return bad * 20 < Math.max(n, 1);
}

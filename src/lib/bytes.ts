// The engine moves bytes as "binary strings": one char per byte (0..255). These convert to and
// from the UTF-8 text people type and read. (Written out: the engine's ES2022 environment has no
// TextEncoder.)

export function utf8ToBytes(text: string): string {
  let ascii = true;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) { ascii = false; break; }
  if (ascii) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) out += String.fromCharCode(c);
    else if (c < 0x800) out += String.fromCharCode(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out += String.fromCharCode(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out += String.fromCharCode(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** Decode UTF-8; invalid sequences become U+FFFD, as TextDecoder does. */
export function bytesToUtf8(bytes: string): string {
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) if (bytes.charCodeAt(i) > 0x7f) { ascii = false; break; }
  if (ascii) return bytes;
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes.charCodeAt(i) & 0xff;
    if (b < 0x80) { out += String.fromCharCode(b); continue; }
    const n = b >= 0xf0 && b < 0xf8 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 && b < 0xe0 ? 1 : -1;
    if (n < 0 || i + n >= bytes.length) {
      out += '\ufffd';
      continue;
    }
    let c = b & (n === 1 ? 0x1f : n === 2 ? 0x0f : 0x07);
    let ok = true;
    for (let j = 1; j <= n; j++) {
      const x = bytes.charCodeAt(i + j) & 0xff;
      if ((x & 0xc0) !== 0x80) { ok = false; break; }
      c = (c << 6) | (x & 63);
    }
    if (!ok || (n === 2 && c < 0x800) || (n === 3 && (c < 0x10000 || c > 0x10ffff)) || (c >= 0xd800 && c <= 0xdfff)) {
      out += '\ufffd';
      continue;
    }
    out += String.fromCodePoint(c);
    i += n;
  }
  return out;
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

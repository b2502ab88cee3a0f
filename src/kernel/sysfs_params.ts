// kernel/params.c: what /sys/module/NAME/parameters/P shows and accepts, by the parameter's type.
// Values are kept as strings (what modprobe passed). 6.6 parses with kstrto*() (the whole
// string, one trailing newline allowed, else -EINVAL; out of range -ERANGE); 2.6.20's
// STANDARD_PARAM_DEF uses simple_strtol() and only needs a leading number that fits the type.
// A charp keeps the written bytes as they are, newline included (param_set_charp() strcpy's
// the buffer), and an unset one prints as the NULL pointer: "(null)" on 6.6, "<NULL>" on 2.6.20.
import { EINVAL, ENOSPC, ERANGE } from '../uapi/errno.ts';
import type { Kernel } from './kernel.ts';

const RANGES: Record<string, [bigint, bigint]> = {
  byte: [0n, 255n], short: [-32768n, 32767n], ushort: [0n, 65535n], int: [-2147483648n, 2147483647n], uint: [0n, 4294967295n],
  long: [-(2n ** 63n), 2n ** 63n - 1n], ulong: [0n, 2n ** 64n - 1n], ullong: [0n, 2n ** 64n - 1n], hexint: [0n, 4294967295n],
};

/** kstrtoll()/simple_strtol() base 0: 0x hex, leading 0 octal, else decimal. */
function parseNumber(s: string): bigint | null {
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(s);
  if (!m) return null;
  const body = m[2];
  const v = /^0[xX]/.test(body) ? BigInt(body) : body.length > 1 && body[0] === '0' ? BigInt(`0o${body.slice(1)}`) : BigInt(body);
  return m[1] === '-' ? -v : v;
}

function boolValue(s: string): boolean | null {
  // kstrtobool(): the first character decides (y/Y/1 or n/N/0; "on"/"off").
  if (/^[yY1]/.test(s) || /^[oO][nN]/.test(s)) return true;
  if (/^[nN0]/.test(s) || /^[oO][fF]/.test(s)) return false;
  return null;
}

export function paramGet(k: Kernel, type: string, raw: string | undefined): string {
  if (type === 'bool' || type === 'invbool') {
    const b = raw === undefined ? false : boolValue(raw) ?? false;
    return (type === 'invbool' ? !b : b) ? 'Y' : 'N';
  }
  if (type in RANGES) {
    const v = raw === undefined ? 0n : parseNumber(raw) ?? 0n;
    return type === 'hexint' ? `0x${v.toString(16).padStart(6, '0')}` : String(v);
  }
  if (type === 'string') return raw ?? '';
  if (raw === undefined) return k.legacy ? '<NULL>' : '(null)';
  return raw;
}

/** The value to store, or -errno. */
export function paramSet(k: Kernel, type: string, data: string): string | number {
  if (type === 'bool' || type === 'invbool') return boolValue(data) === null ? -EINVAL : data.replace(/\n$/, '');
  if (type in RANGES) {
    const body = data.replace(/\n$/, '');
    const v = parseNumber(body);
    if (v === null) return -EINVAL;
    // kstrtoull() takes no sign; 2.6.20's simple_strtoul() wraps "-1" past the type instead.
    if (k.modern && RANGES[type][0] === 0n && body.startsWith('-')) return -EINVAL;
    const m = /^[-+]?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(body)!;
    if (k.modern && m[0].length !== body.length) return -EINVAL;
    const [lo, hi] = RANGES[type];
    if (v < lo || v > hi) return k.modern ? -ERANGE : -EINVAL;
    return body;
  }
  if (data.length > 1024) return -ENOSPC;
  return data;
}

// "5s", "250ms", "10us", "100ns" (and a bare number of ns) to nanoseconds.
const UNITS: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, ms: 1e6, s: 1e9, m: 60e9, min: 60e9 };

export function parseDuration(s: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ns|us|µs|ms|s|m|min)?\s*$/.exec(s);
  if (!m) throw new Error(`not a duration: "${s}" (expected e.g. 5s, 250ms, 10us, 100ns)`);
  return Math.round(Number(m[1]) * UNITS[m[2] ?? 'ns']);
}

// Case mapping in the C locale: ASCII letters only, so byte strings stay bytes (JavaScript's
// toUpperCase would turn \xff into U+0178 and \xdf into "SS").
export function asciiUpper(s: string): string {
  return s.replace(/[a-z]+/g, (m) => m.toUpperCase());
}
export function asciiLower(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

// A regular expression that does not compile, with GNU regex's message (regcomp's error strings,
// e.g. "Unmatched ( or \\(", "Invalid back reference"), which grep and sed print after their name.
export class RegexError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegexError';
  }
}

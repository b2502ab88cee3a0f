// The closing lines every GNU coreutils 9.1 --help text shares (emit_ancillary_info() in the C
// locale); help_texts_gnu.ts builds the recorded texts with it.

/** emit_ancillary_info(): the closing lines; `node` is the info node when it is not "PROG invocation". */
export function gnuFooter(prog: string, node = `${prog} invocation`): string {
  return 'GNU coreutils online help: <https://www.gnu.org/software/coreutils/>\n' +
    'Report any translation bugs to <https://translationproject.org/team/>\n' +
    `Full documentation <https://www.gnu.org/software/coreutils/${prog}>\n` +
    `or available locally via: info '(coreutils) ${node}'\n`;
}

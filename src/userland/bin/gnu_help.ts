// Pieces every GNU coreutils 9.1 --help text shares (emit_ancillary_info() in the C locale),
// and the digest tools' text, which only their names, sizes and standards tell apart.

/** emit_ancillary_info(): the closing lines; `node` is the info node when it is not "PROG invocation". */
export function gnuFooter(prog: string, node = `${prog} invocation`): string {
  return 'GNU coreutils online help: <https://www.gnu.org/software/coreutils/>\n' +
    'Report any translation bugs to <https://translationproject.org/team/>\n' +
    `Full documentation <https://www.gnu.org/software/coreutils/${prog}>\n` +
    `or available locally via: info '(coreutils) ${node}'\n`;
}

/** src/digest.c: the options that only --check uses, in md5sum's, sha256sum's and cksum's usage(). */
export const VERIFY_OPTIONS =
  'The following five options are useful only when verifying checksums:\n' +
  '      --ignore-missing  don\'t fail or report status for missing files\n' +
  '      --quiet           don\'t print OK for each successfully verified file\n' +
  '      --status          don\'t output anything, status code shows success\n' +
  '      --strict          exit non-zero for improperly formatted checksum lines\n' +
  '  -w, --warn            warn about improperly formatted checksum lines\n';

/** system.h emit_size_note(): what a SIZE argument may be. */
export const SIZE_NOTE =
  'The SIZE argument is an integer and optional unit (example: 10K is 10*1024).\n' +
  'Units are K,M,G,T,P,E,Z,Y (powers of 1024) or KB,MB,... (powers of 1000).\n' +
  'Binary prefixes can be used, too: KiB=K, MiB=M, and so on.\n';

/** system.h emit_blocksize_note(): where df's and du's display unit comes from. */
export function blocksizeNote(prog: string): string {
  return 'Display values are in units of the first available SIZE from --block-size,\n' +
    `and the ${prog}_BLOCK_SIZE, BLOCK_SIZE and BLOCKSIZE environment variables.\n` +
    'Otherwise, units default to 1024 bytes (or 512 if POSIXLY_CORRECT is set).\n';
}

/** md5sum's and sha256sum's usage() (src/digest.c). */
export function digestHelp(prog: string, title: string, standard: string, footer: string): string {
  return `Usage: ${prog} [OPTION]... [FILE]...\n` +
    `Print or check ${title} checksums.\n` +
    '\n' +
    'With no FILE, or when FILE is -, read standard input.\n' +
    '  -b, --binary          read in binary mode\n' +
    '  -c, --check           read checksums from the FILEs and check them\n' +
    '      --tag             create a BSD-style checksum\n' +
    '  -t, --text            read in text mode (default)\n' +
    '  -z, --zero            end each output line with NUL, not newline,\n' +
    '                          and disable file name escaping\n' +
    '\n' +
    VERIFY_OPTIONS +
    '\n' +
    '      --help        display this help and exit\n' +
    '      --version     output version information and exit\n' +
    '\n' +
    `The sums are computed as described in ${standard}.\n` +
    'When checking, the input should be a former output of this program.\n' +
    'The default mode is to print a line with: checksum, a space,\n' +
    'a character indicating input mode (\'*\' for binary, \' \' for text\n' +
    'or where binary is insignificant), and name for each FILE.\n' +
    '\n' +
    'Note: There is no difference between binary mode and text mode on GNU systems.\n' +
    '\n' +
    footer;
}

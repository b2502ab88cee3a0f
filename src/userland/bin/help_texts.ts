// The --help texts of the programs added with mktemp.ts and its neighbours, as GNU coreutils 9.1
// (util-linux 2.38 for rev) print them in the C locale on Debian 12.

export const HELP: Record<string, string> = {
  mktemp:
    'Usage: mktemp [OPTION]... [TEMPLATE]\n' +
    'Create a temporary file or directory, safely, and print its name.\n' +
    'TEMPLATE must contain at least 3 consecutive \'X\'s in last component.\n' +
    'If TEMPLATE is not specified, use tmp.XXXXXXXXXX, and --tmpdir is implied.\n' +
    'Files are created u+rw, and directories u+rwx, minus umask restrictions.\n' +
    '\n' +
    '  -d, --directory     create a directory, not a file\n' +
    '  -u, --dry-run       do not create anything; merely print a name (unsafe)\n' +
    '  -q, --quiet         suppress diagnostics about file/dir-creation failure\n' +
    '      --suffix=SUFF   append SUFF to TEMPLATE; SUFF must not contain a slash.\n' +
    '                        This option is implied if TEMPLATE does not end in X\n' +
    '  -p DIR, --tmpdir[=DIR]  interpret TEMPLATE relative to DIR; if DIR is not\n' +
    '                        specified, use $TMPDIR if set, else /tmp.  With\n' +
    '                        this option, TEMPLATE must not be an absolute name;\n' +
    '                        unlike with -t, TEMPLATE may contain slashes, but\n' +
    '                        mktemp creates only the final component\n' +
    '  -t                  interpret TEMPLATE as a single file name component,\n' +
    '                        relative to a directory: $TMPDIR, if set; else the\n' +
    '                        directory specified via -p; else /tmp [deprecated]\n' +
    '      --help        display this help and exit\n' +
    '      --version     output version information and exit\n' +
    '\n' +
    'GNU coreutils online help: <https://www.gnu.org/software/coreutils/>\n' +
    'Report any translation bugs to <https://translationproject.org/team/>\n' +
    'Full documentation <https://www.gnu.org/software/coreutils/mktemp>\n' +
    'or available locally via: info \'(coreutils) mktemp invocation\'\n',
  whoami:
    'Usage: whoami [OPTION]...\n' +
    'Print the user name associated with the current effective user ID.\n' +
    'Same as id -un.\n' +
    '\n' +
    '      --help        display this help and exit\n' +
    '      --version     output version information and exit\n' +
    '\n' +
    'GNU coreutils online help: <https://www.gnu.org/software/coreutils/>\n' +
    'Report any translation bugs to <https://translationproject.org/team/>\n' +
    'Full documentation <https://www.gnu.org/software/coreutils/whoami>\n' +
    'or available locally via: info \'(coreutils) whoami invocation\'\n',
  printenv:
    'Usage: printenv [OPTION]... [VARIABLE]...\n' +
    'Print the values of the specified environment VARIABLE(s).\n' +
    'If no VARIABLE is specified, print name and value pairs for them all.\n' +
    '\n' +
    '  -0, --null     end each output line with NUL, not newline\n' +
    '      --help        display this help and exit\n' +
    '      --version     output version information and exit\n' +
    '\n' +
    'NOTE: your shell may have its own version of printenv, which usually supersedes\n' +
    'the version described here.  Please refer to your shell\'s documentation\n' +
    'for details about the options it supports.\n' +
    '\n' +
    'GNU coreutils online help: <https://www.gnu.org/software/coreutils/>\n' +
    'Report any translation bugs to <https://translationproject.org/team/>\n' +
    'Full documentation <https://www.gnu.org/software/coreutils/printenv>\n' +
    'or available locally via: info \'(coreutils) printenv invocation\'\n',
  tac:
    'Usage: tac [OPTION]... [FILE]...\n' +
    'Write each FILE to standard output, last line first.\n' +
    '\n' +
    'With no FILE, or when FILE is -, read standard input.\n' +
    '\n' +
    'Mandatory arguments to long options are mandatory for short options too.\n' +
    '  -b, --before             attach the separator before instead of after\n' +
    '  -r, --regex              interpret the separator as a regular expression\n' +
    '  -s, --separator=STRING   use STRING as the separator instead of newline\n' +
    '      --help        display this help and exit\n' +
    '      --version     output version information and exit\n' +
    '\n' +
    'GNU coreutils online help: <https://www.gnu.org/software/coreutils/>\n' +
    'Report any translation bugs to <https://translationproject.org/team/>\n' +
    'Full documentation <https://www.gnu.org/software/coreutils/tac>\n' +
    'or available locally via: info \'(coreutils) tac invocation\'\n',
  rev:
    'Usage: rev [options] [file ...]\n' +
    '\n' +
    'Reverse lines characterwise.\n' +
    '\n' +
    'Options:\n' +
    ' -h, --help     display this help\n' +
    ' -V, --version  display version\n' +
    '\n' +
    'For more details see rev(1).\n',
  paste:
    'Usage: paste [OPTION]... [FILE]...\n' +
    'Write lines consisting of the sequentially corresponding lines from\n' +
    'each FILE, separated by TABs, to standard output.\n' +
    '\n' +
    'With no FILE, or when FILE is -, read standard input.\n' +
    '\n' +
    'Mandatory arguments to long options are mandatory for short options too.\n' +
    '  -d, --delimiters=LIST   reuse characters from LIST instead of TABs\n' +
    '  -s, --serial            paste one file at a time instead of in parallel\n' +
    '  -z, --zero-terminated    line delimiter is NUL, not newline\n' +
    '      --help        display this help and exit\n' +
    '      --version     output version information and exit\n' +
    '\n' +
    'GNU coreutils online help: <https://www.gnu.org/software/coreutils/>\n' +
    'Report any translation bugs to <https://translationproject.org/team/>\n' +
    'Full documentation <https://www.gnu.org/software/coreutils/paste>\n' +
    'or available locally via: info \'(coreutils) paste invocation\'\n',
  nl:
    'Usage: nl [OPTION]... [FILE]...\n' +
    'Write each FILE to standard output, with line numbers added.\n' +
    '\n' +
    'With no FILE, or when FILE is -, read standard input.\n' +
    '\n' +
    'Mandatory arguments to long options are mandatory for short options too.\n' +
    '  -b, --body-numbering=STYLE      use STYLE for numbering body lines\n' +
    '  -d, --section-delimiter=CC      use CC for logical page delimiters\n' +
    '  -f, --footer-numbering=STYLE    use STYLE for numbering footer lines\n' +
    '  -h, --header-numbering=STYLE    use STYLE for numbering header lines\n' +
    '  -i, --line-increment=NUMBER     line number increment at each line\n' +
    '  -l, --join-blank-lines=NUMBER   group of NUMBER empty lines counted as one\n' +
    '  -n, --number-format=FORMAT      insert line numbers according to FORMAT\n' +
    '  -p, --no-renumber               do not reset line numbers for each section\n' +
    '  -s, --number-separator=STRING   add STRING after (possible) line number\n' +
    '  -v, --starting-line-number=NUMBER  first line number for each section\n' +
    '  -w, --number-width=NUMBER       use NUMBER columns for line numbers\n' +
    '      --help        display this help and exit\n' +
    '      --version     output version information and exit\n' +
    '\n' +
    'Default options are: -bt -d\'\\:\' -fn -hn -i1 -l1 -n\'rn\' -s<TAB> -v1 -w6\n' +
    '\n' +
    'CC are two delimiter characters used to construct logical page delimiters;\n' +
    'a missing second character implies \':\'.  As a GNU extension one can specify\n' +
    'more than two characters, and also specifying the empty string (-d \'\')\n' +
    'disables section matching.\n' +
    '\n' +
    'STYLE is one of:\n' +
    '\n' +
    '  a      number all lines\n' +
    '  t      number only nonempty lines\n' +
    '  n      number no lines\n' +
    '  pBRE   number only lines that contain a match for the basic regular\n' +
    '         expression, BRE\n' +
    '\n' +
    'FORMAT is one of:\n' +
    '\n' +
    '  ln     left justified, no leading zeros\n' +
    '  rn     right justified, no leading zeros\n' +
    '  rz     right justified, leading zeros\n' +
    '\n' +
    '\n' +
    'GNU coreutils online help: <https://www.gnu.org/software/coreutils/>\n' +
    'Report any translation bugs to <https://translationproject.org/team/>\n' +
    'Full documentation <https://www.gnu.org/software/coreutils/nl>\n' +
    'or available locally via: info \'(coreutils) nl invocation\'\n',
  comm:
    'Usage: comm [OPTION]... FILE1 FILE2\n' +
    'Compare sorted files FILE1 and FILE2 line by line.\n' +
    '\n' +
    'When FILE1 or FILE2 (not both) is -, read standard input.\n' +
    '\n' +
    'With no options, produce three-column output.  Column one contains\n' +
    'lines unique to FILE1, column two contains lines unique to FILE2,\n' +
    'and column three contains lines common to both files.\n' +
    '\n' +
    '  -1                      suppress column 1 (lines unique to FILE1)\n' +
    '  -2                      suppress column 2 (lines unique to FILE2)\n' +
    '  -3                      suppress column 3 (lines that appear in both files)\n' +
    '\n' +
    '      --check-order       check that the input is correctly sorted, even\n' +
    '                            if all input lines are pairable\n' +
    '      --nocheck-order     do not check that the input is correctly sorted\n' +
    '      --output-delimiter=STR  separate columns with STR\n' +
    '      --total             output a summary\n' +
    '  -z, --zero-terminated   line delimiter is NUL, not newline\n' +
    '      --help        display this help and exit\n' +
    '      --version     output version information and exit\n' +
    '\n' +
    'Note, comparisons honor the rules specified by \'LC_COLLATE\'.\n' +
    '\n' +
    'Examples:\n' +
    '  comm -12 file1 file2  Print only lines present in both file1 and file2.\n' +
    '  comm -3 file1 file2  Print lines in file1 not in file2, and vice versa.\n' +
    '\n' +
    'GNU coreutils online help: <https://www.gnu.org/software/coreutils/>\n' +
    'Report any translation bugs to <https://translationproject.org/team/>\n' +
    'Full documentation <https://www.gnu.org/software/coreutils/comm>\n' +
    'or available locally via: info \'(coreutils) comm invocation\'\n',
  fold:
    'Usage: fold [OPTION]... [FILE]...\n' +
    'Wrap input lines in each FILE, writing to standard output.\n' +
    '\n' +
    'With no FILE, or when FILE is -, read standard input.\n' +
    '\n' +
    'Mandatory arguments to long options are mandatory for short options too.\n' +
    '  -b, --bytes         count bytes rather than columns\n' +
    '  -s, --spaces        break at spaces\n' +
    '  -w, --width=WIDTH   use WIDTH columns instead of 80\n' +
    '      --help        display this help and exit\n' +
    '      --version     output version information and exit\n' +
    '\n' +
    'GNU coreutils online help: <https://www.gnu.org/software/coreutils/>\n' +
    'Report any translation bugs to <https://translationproject.org/team/>\n' +
    'Full documentation <https://www.gnu.org/software/coreutils/fold>\n' +
    'or available locally via: info \'(coreutils) fold invocation\'\n',
  truncate:
    'Usage: truncate OPTION... FILE...\n' +
    'Shrink or extend the size of each FILE to the specified size\n' +
    '\n' +
    'A FILE argument that does not exist is created.\n' +
    '\n' +
    'If a FILE is larger than the specified size, the extra data is lost.\n' +
    'If a FILE is shorter, it is extended and the sparse extended part (hole)\n' +
    'reads as zero bytes.\n' +
    '\n' +
    'Mandatory arguments to long options are mandatory for short options too.\n' +
    '  -c, --no-create        do not create any files\n' +
    '  -o, --io-blocks        treat SIZE as number of IO blocks instead of bytes\n' +
    '  -r, --reference=RFILE  base size on RFILE\n' +
    '  -s, --size=SIZE        set or adjust the file size by SIZE bytes\n' +
    '      --help        display this help and exit\n' +
    '      --version     output version information and exit\n' +
    '\n' +
    'The SIZE argument is an integer and optional unit (example: 10K is 10*1024).\n' +
    'Units are K,M,G,T,P,E,Z,Y (powers of 1024) or KB,MB,... (powers of 1000).\n' +
    'Binary prefixes can be used, too: KiB=K, MiB=M, and so on.\n' +
    '\n' +
    'SIZE may also be prefixed by one of the following modifying characters:\n' +
    '\'+\' extend by, \'-\' reduce by, \'<\' at most, \'>\' at least,\n' +
    '\'/\' round down to multiple of, \'%\' round up to multiple of.\n' +
    '\n' +
    'GNU coreutils online help: <https://www.gnu.org/software/coreutils/>\n' +
    'Report any translation bugs to <https://translationproject.org/team/>\n' +
    'Full documentation <https://www.gnu.org/software/coreutils/truncate>\n' +
    'or available locally via: info \'(coreutils) truncate invocation\'\n',
  join:
    'Usage: join [OPTION]... FILE1 FILE2\n' +
    'For each pair of input lines with identical join fields, write a line to\n' +
    'standard output.  The default join field is the first, delimited by blanks.\n' +
    '\n' +
    'When FILE1 or FILE2 (not both) is -, read standard input.\n' +
    '\n' +
    '  -a FILENUM             also print unpairable lines from file FILENUM, where\n' +
    '                           FILENUM is 1 or 2, corresponding to FILE1 or FILE2\n' +
    '  -e STRING              replace missing (empty) input fields with STRING;\n' +
    '                           I.e., missing fields specified with \'-12jo\' options\n' +
    '  -i, --ignore-case      ignore differences in case when comparing fields\n' +
    '  -j FIELD               equivalent to \'-1 FIELD -2 FIELD\'\n' +
    '  -o FORMAT              obey FORMAT while constructing output line\n' +
    '  -t CHAR                use CHAR as input and output field separator\n' +
    '  -v FILENUM             like -a FILENUM, but suppress joined output lines\n' +
    '  -1 FIELD               join on this FIELD of file 1\n' +
    '  -2 FIELD               join on this FIELD of file 2\n' +
    '      --check-order      check that the input is correctly sorted, even\n' +
    '                           if all input lines are pairable\n' +
    '      --nocheck-order    do not check that the input is correctly sorted\n' +
    '      --header           treat the first line in each file as field headers,\n' +
    '                           print them without trying to pair them\n' +
    '  -z, --zero-terminated  line delimiter is NUL, not newline\n' +
    '      --help        display this help and exit\n' +
    '      --version     output version information and exit\n' +
    '\n' +
    'Unless -t CHAR is given, leading blanks separate fields and are ignored,\n' +
    'else fields are separated by CHAR.  Any FIELD is a field number counted\n' +
    'from 1.  FORMAT is one or more comma or blank separated specifications,\n' +
    'each being \'FILENUM.FIELD\' or \'0\'.  Default FORMAT outputs the join field,\n' +
    'the remaining fields from FILE1, the remaining fields from FILE2, all\n' +
    'separated by CHAR.  If FORMAT is the keyword \'auto\', then the first\n' +
    'line of each file determines the number of fields output for each line.\n' +
    '\n' +
    'Important: FILE1 and FILE2 must be sorted on the join fields.\n' +
    'E.g., use "sort -k 1b,1" if \'join\' has no options,\n' +
    'or use "join -t \'\'" if \'sort\' has no options.\n' +
    'Note, comparisons honor the rules specified by \'LC_COLLATE\'.\n' +
    'If the input is not sorted and some lines cannot be joined, a\n' +
    'warning message will be given.\n' +
    '\n' +
    'GNU coreutils online help: <https://www.gnu.org/software/coreutils/>\n' +
    'Report any translation bugs to <https://translationproject.org/team/>\n' +
    'Full documentation <https://www.gnu.org/software/coreutils/join>\n' +
    'or available locally via: info \'(coreutils) join invocation\'\n',
  md5sum:
    'Usage: md5sum [OPTION]... [FILE]...\n' +
    'Print or check MD5 (128-bit) checksums.\n' +
    '\n' +
    'With no FILE, or when FILE is -, read standard input.\n' +
    '  -b, --binary          read in binary mode\n' +
    '  -c, --check           read checksums from the FILEs and check them\n' +
    '      --tag             create a BSD-style checksum\n' +
    '  -t, --text            read in text mode (default)\n' +
    '  -z, --zero            end each output line with NUL, not newline,\n' +
    '                          and disable file name escaping\n' +
    '\n' +
    'The following five options are useful only when verifying checksums:\n' +
    '      --ignore-missing  don\'t fail or report status for missing files\n' +
    '      --quiet           don\'t print OK for each successfully verified file\n' +
    '      --status          don\'t output anything, status code shows success\n' +
    '      --strict          exit non-zero for improperly formatted checksum lines\n' +
    '  -w, --warn            warn about improperly formatted checksum lines\n' +
    '\n' +
    '      --help        display this help and exit\n' +
    '      --version     output version information and exit\n' +
    '\n' +
    'The sums are computed as described in RFC 1321.\n' +
    'When checking, the input should be a former output of this program.\n' +
    'The default mode is to print a line with: checksum, a space,\n' +
    'a character indicating input mode (\'*\' for binary, \' \' for text\n' +
    'or where binary is insignificant), and name for each FILE.\n' +
    '\n' +
    'Note: There is no difference between binary mode and text mode on GNU systems.\n' +
    '\n' +
    'GNU coreutils online help: <https://www.gnu.org/software/coreutils/>\n' +
    'Report any translation bugs to <https://translationproject.org/team/>\n' +
    'Full documentation <https://www.gnu.org/software/coreutils/md5sum>\n' +
    'or available locally via: info \'(coreutils) md5sum invocation\'\n',
  sha256sum:
    'Usage: sha256sum [OPTION]... [FILE]...\n' +
    'Print or check SHA256 (256-bit) checksums.\n' +
    '\n' +
    'With no FILE, or when FILE is -, read standard input.\n' +
    '  -b, --binary          read in binary mode\n' +
    '  -c, --check           read checksums from the FILEs and check them\n' +
    '      --tag             create a BSD-style checksum\n' +
    '  -t, --text            read in text mode (default)\n' +
    '  -z, --zero            end each output line with NUL, not newline,\n' +
    '                          and disable file name escaping\n' +
    '\n' +
    'The following five options are useful only when verifying checksums:\n' +
    '      --ignore-missing  don\'t fail or report status for missing files\n' +
    '      --quiet           don\'t print OK for each successfully verified file\n' +
    '      --status          don\'t output anything, status code shows success\n' +
    '      --strict          exit non-zero for improperly formatted checksum lines\n' +
    '  -w, --warn            warn about improperly formatted checksum lines\n' +
    '\n' +
    '      --help        display this help and exit\n' +
    '      --version     output version information and exit\n' +
    '\n' +
    'The sums are computed as described in FIPS-180-2.\n' +
    'When checking, the input should be a former output of this program.\n' +
    'The default mode is to print a line with: checksum, a space,\n' +
    'a character indicating input mode (\'*\' for binary, \' \' for text\n' +
    'or where binary is insignificant), and name for each FILE.\n' +
    '\n' +
    'Note: There is no difference between binary mode and text mode on GNU systems.\n' +
    '\n' +
    'GNU coreutils online help: <https://www.gnu.org/software/coreutils/>\n' +
    'Report any translation bugs to <https://translationproject.org/team/>\n' +
    'Full documentation <https://www.gnu.org/software/coreutils/sha256sum>\n' +
    'or available locally via: info \'(coreutils) sha2 utilities\'\n',
  cksum:
    'Usage: cksum [OPTION]... [FILE]...\n' +
    'Print or verify checksums.\n' +
    'By default use the 32 bit CRC algorithm.\n' +
    '\n' +
    'With no FILE, or when FILE is -, read standard input.\n' +
    '\n' +
    'Mandatory arguments to long options are mandatory for short options too.\n' +
    '  -a, --algorithm=TYPE  select the digest type to use.  See DIGEST below.\n' +
    '  -c, --check           read checksums from the FILEs and check them\n' +
    '  -l, --length=BITS     digest length in bits; must not exceed the max for\n' +
    '                          the blake2 algorithm and must be a multiple of 8\n' +
    '      --tag             create a BSD-style checksum (the default)\n' +
    '      --untagged        create a reversed style checksum, without digest type\n' +
    '  -z, --zero            end each output line with NUL, not newline,\n' +
    '                          and disable file name escaping\n' +
    '\n' +
    'The following five options are useful only when verifying checksums:\n' +
    '      --ignore-missing  don\'t fail or report status for missing files\n' +
    '      --quiet           don\'t print OK for each successfully verified file\n' +
    '      --status          don\'t output anything, status code shows success\n' +
    '      --strict          exit non-zero for improperly formatted checksum lines\n' +
    '  -w, --warn            warn about improperly formatted checksum lines\n' +
    '\n' +
    '      --debug           indicate which implementation used\n' +
    '      --help        display this help and exit\n' +
    '      --version     output version information and exit\n' +
    '\n' +
    'DIGEST determines the digest algorithm and default output format:\n' +
    '  sysv      (equivalent to sum -s)\n' +
    '  bsd       (equivalent to sum -r)\n' +
    '  crc       (equivalent to cksum)\n' +
    '  md5       (equivalent to md5sum)\n' +
    '  sha1      (equivalent to sha1sum)\n' +
    '  sha224    (equivalent to sha224sum)\n' +
    '  sha256    (equivalent to sha256sum)\n' +
    '  sha384    (equivalent to sha384sum)\n' +
    '  sha512    (equivalent to sha512sum)\n' +
    '  blake2b   (equivalent to b2sum)\n' +
    '  sm3       (only available through cksum)\n' +
    '\n' +
    'When checking, the input should be a former output of this program,\n' +
    'or equivalent standalone program.\n' +
    '\n' +
    'GNU coreutils online help: <https://www.gnu.org/software/coreutils/>\n' +
    'Report any translation bugs to <https://translationproject.org/team/>\n' +
    'Full documentation <https://www.gnu.org/software/coreutils/cksum>\n' +
    'or available locally via: info \'(coreutils) cksum invocation\'\n',
  dd:
    'Usage: dd [OPERAND]...\n' +
    '  or:  dd OPTION\n' +
    'Copy a file, converting and formatting according to the operands.\n' +
    '\n' +
    '  bs=BYTES        read and write up to BYTES bytes at a time (default: 512);\n' +
    '                  overrides ibs and obs\n' +
    '  cbs=BYTES       convert BYTES bytes at a time\n' +
    '  conv=CONVS      convert the file as per the comma separated symbol list\n' +
    '  count=N         copy only N input blocks\n' +
    '  ibs=BYTES       read up to BYTES bytes at a time (default: 512)\n' +
    '  if=FILE         read from FILE instead of stdin\n' +
    '  iflag=FLAGS     read as per the comma separated symbol list\n' +
    '  obs=BYTES       write BYTES bytes at a time (default: 512)\n' +
    '  of=FILE         write to FILE instead of stdout\n' +
    '  oflag=FLAGS     write as per the comma separated symbol list\n' +
    '  seek=N          (or oseek=N) skip N obs-sized output blocks\n' +
    '  skip=N          (or iseek=N) skip N ibs-sized input blocks\n' +
    '  status=LEVEL    The LEVEL of information to print to stderr;\n' +
    '                  \'none\' suppresses everything but error messages,\n' +
    '                  \'noxfer\' suppresses the final transfer statistics,\n' +
    '                  \'progress\' shows periodic transfer statistics\n' +
    '\n' +
    'N and BYTES may be followed by the following multiplicative suffixes:\n' +
    'c=1, w=2, b=512, kB=1000, K=1024, MB=1000*1000, M=1024*1024, xM=M,\n' +
    'GB=1000*1000*1000, G=1024*1024*1024, and so on for T, P, E, Z, Y.\n' +
    'Binary prefixes can be used, too: KiB=K, MiB=M, and so on.\n' +
    'If N ends in \'B\', it counts bytes not blocks.\n' +
    '\n' +
    'Each CONV symbol may be:\n' +
    '\n' +
    '  ascii     from EBCDIC to ASCII\n' +
    '  ebcdic    from ASCII to EBCDIC\n' +
    '  ibm       from ASCII to alternate EBCDIC\n' +
    '  block     pad newline-terminated records with spaces to cbs-size\n' +
    '  unblock   replace trailing spaces in cbs-size records with newline\n' +
    '  lcase     change upper case to lower case\n' +
    '  ucase     change lower case to upper case\n' +
    '  sparse    try to seek rather than write all-NUL output blocks\n' +
    '  swab      swap every pair of input bytes\n' +
    '  sync      pad every input block with NULs to ibs-size; when used\n' +
    '            with block or unblock, pad with spaces rather than NULs\n' +
    '  excl      fail if the output file already exists\n' +
    '  nocreat   do not create the output file\n' +
    '  notrunc   do not truncate the output file\n' +
    '  noerror   continue after read errors\n' +
    '  fdatasync  physically write output file data before finishing\n' +
    '  fsync     likewise, but also write metadata\n' +
    '\n' +
    'Each FLAG symbol may be:\n' +
    '\n' +
    '  append    append mode (makes sense only for output; conv=notrunc suggested)\n' +
    '  direct    use direct I/O for data\n' +
    '  directory  fail unless a directory\n' +
    '  dsync     use synchronized I/O for data\n' +
    '  sync      likewise, but also for metadata\n' +
    '  fullblock  accumulate full blocks of input (iflag only)\n' +
    '  nonblock  use non-blocking I/O\n' +
    '  noatime   do not update access time\n' +
    '  nocache   Request to drop cache.  See also oflag=sync\n' +
    '  noctty    do not assign controlling terminal from file\n' +
    '  nofollow  do not follow symlinks\n' +
    '\n' +
    'Sending a USR1 signal to a running \'dd\' process makes it\n' +
    'print I/O statistics to standard error and then resume copying.\n' +
    '\n' +
    'Options are:\n' +
    '\n' +
    '      --help        display this help and exit\n' +
    '      --version     output version information and exit\n' +
    '\n' +
    'GNU coreutils online help: <https://www.gnu.org/software/coreutils/>\n' +
    'Report any translation bugs to <https://translationproject.org/team/>\n' +
    'Full documentation <https://www.gnu.org/software/coreutils/dd>\n' +
    'or available locally via: info \'(coreutils) dd invocation\'\n',
  df:
    'Usage: df [OPTION]... [FILE]...\n' +
    'Show information about the file system on which each FILE resides,\n' +
    'or all file systems by default.\n' +
    '\n' +
    'Mandatory arguments to long options are mandatory for short options too.\n' +
    '  -a, --all             include pseudo, duplicate, inaccessible file systems\n' +
    '  -B, --block-size=SIZE  scale sizes by SIZE before printing them; e.g.,\n' +
    '                           \'-BM\' prints sizes in units of 1,048,576 bytes;\n' +
    '                           see SIZE format below\n' +
    '  -h, --human-readable  print sizes in powers of 1024 (e.g., 1023M)\n' +
    '  -H, --si              print sizes in powers of 1000 (e.g., 1.1G)\n' +
    '  -i, --inodes          list inode information instead of block usage\n' +
    '  -k                    like --block-size=1K\n' +
    '  -l, --local           limit listing to local file systems\n' +
    '      --no-sync         do not invoke sync before getting usage info (default)\n' +
    '      --output[=FIELD_LIST]  use the output format defined by FIELD_LIST,\n' +
    '                               or print all fields if FIELD_LIST is omitted.\n' +
    '  -P, --portability     use the POSIX output format\n' +
    '      --sync            invoke sync before getting usage info\n' +
    '      --total           elide all entries insignificant to available space,\n' +
    '                          and produce a grand total\n' +
    '  -t, --type=TYPE       limit listing to file systems of type TYPE\n' +
    '  -T, --print-type      print file system type\n' +
    '  -x, --exclude-type=TYPE   limit listing to file systems not of type TYPE\n' +
    '  -v                    (ignored)\n' +
    '      --help        display this help and exit\n' +
    '      --version     output version information and exit\n' +
    '\n' +
    'Display values are in units of the first available SIZE from --block-size,\n' +
    'and the DF_BLOCK_SIZE, BLOCK_SIZE and BLOCKSIZE environment variables.\n' +
    'Otherwise, units default to 1024 bytes (or 512 if POSIXLY_CORRECT is set).\n' +
    '\n' +
    'The SIZE argument is an integer and optional unit (example: 10K is 10*1024).\n' +
    'Units are K,M,G,T,P,E,Z,Y (powers of 1024) or KB,MB,... (powers of 1000).\n' +
    'Binary prefixes can be used, too: KiB=K, MiB=M, and so on.\n' +
    '\n' +
    'FIELD_LIST is a comma-separated list of columns to be included.  Valid\n' +
    'field names are: \'source\', \'fstype\', \'itotal\', \'iused\', \'iavail\', \'ipcent\',\n' +
    '\'size\', \'used\', \'avail\', \'pcent\', \'file\' and \'target\' (see info page).\n' +
    '\n' +
    'GNU coreutils online help: <https://www.gnu.org/software/coreutils/>\n' +
    'Report any translation bugs to <https://translationproject.org/team/>\n' +
    'Full documentation <https://www.gnu.org/software/coreutils/df>\n' +
    'or available locally via: info \'(coreutils) df invocation\'\n',
  du:
    'Usage: du [OPTION]... [FILE]...\n' +
    '  or:  du [OPTION]... --files0-from=F\n' +
    'Summarize device usage of the set of FILEs, recursively for directories.\n' +
    '\n' +
    'Mandatory arguments to long options are mandatory for short options too.\n' +
    '  -0, --null            end each output line with NUL, not newline\n' +
    '  -a, --all             write counts for all files, not just directories\n' +
    '      --apparent-size   print apparent sizes rather than device usage; although\n' +
    '                          the apparent size is usually smaller, it may be\n' +
    '                          larger due to holes in (\'sparse\') files, internal\n' +
    '                          fragmentation, indirect blocks, and the like\n' +
    '  -B, --block-size=SIZE  scale sizes by SIZE before printing them; e.g.,\n' +
    '                           \'-BM\' prints sizes in units of 1,048,576 bytes;\n' +
    '                           see SIZE format below\n' +
    '  -b, --bytes           equivalent to \'--apparent-size --block-size=1\'\n' +
    '  -c, --total           produce a grand total\n' +
    '  -D, --dereference-args  dereference only symlinks that are listed on the\n' +
    '                          command line\n' +
    '  -d, --max-depth=N     print the total for a directory (or file, with --all)\n' +
    '                          only if it is N or fewer levels below the command\n' +
    '                          line argument;  --max-depth=0 is the same as\n' +
    '                          --summarize\n' +
    '      --files0-from=F   summarize device usage of the\n' +
    '                          NUL-terminated file names specified in file F;\n' +
    '                          if F is -, then read names from standard input\n' +
    '  -H                    equivalent to --dereference-args (-D)\n' +
    '  -h, --human-readable  print sizes in human readable format (e.g., 1K 234M 2G)\n' +
    '      --inodes          list inode usage information instead of block usage\n' +
    '  -k                    like --block-size=1K\n' +
    '  -L, --dereference     dereference all symbolic links\n' +
    '  -l, --count-links     count sizes many times if hard linked\n' +
    '  -m                    like --block-size=1M\n' +
    '  -P, --no-dereference  don\'t follow any symbolic links (this is the default)\n' +
    '  -S, --separate-dirs   for directories do not include size of subdirectories\n' +
    '      --si              like -h, but use powers of 1000 not 1024\n' +
    '  -s, --summarize       display only a total for each argument\n' +
    '  -t, --threshold=SIZE  exclude entries smaller than SIZE if positive,\n' +
    '                          or entries greater than SIZE if negative\n' +
    '      --time            show time of the last modification of any file in the\n' +
    '                          directory, or any of its subdirectories\n' +
    '      --time=WORD       show time as WORD instead of modification time:\n' +
    '                          atime, access, use, ctime or status\n' +
    '      --time-style=STYLE  show times using STYLE, which can be:\n' +
    '                            full-iso, long-iso, iso, or +FORMAT;\n' +
    '                            FORMAT is interpreted like in \'date\'\n' +
    '  -X, --exclude-from=FILE  exclude files that match any pattern in FILE\n' +
    '      --exclude=PATTERN    exclude files that match PATTERN\n' +
    '  -x, --one-file-system    skip directories on different file systems\n' +
    '      --help        display this help and exit\n' +
    '      --version     output version information and exit\n' +
    '\n' +
    'Display values are in units of the first available SIZE from --block-size,\n' +
    'and the DU_BLOCK_SIZE, BLOCK_SIZE and BLOCKSIZE environment variables.\n' +
    'Otherwise, units default to 1024 bytes (or 512 if POSIXLY_CORRECT is set).\n' +
    '\n' +
    'The SIZE argument is an integer and optional unit (example: 10K is 10*1024).\n' +
    'Units are K,M,G,T,P,E,Z,Y (powers of 1024) or KB,MB,... (powers of 1000).\n' +
    'Binary prefixes can be used, too: KiB=K, MiB=M, and so on.\n' +
    '\n' +
    'GNU coreutils online help: <https://www.gnu.org/software/coreutils/>\n' +
    'Report any translation bugs to <https://translationproject.org/team/>\n' +
    'Full documentation <https://www.gnu.org/software/coreutils/du>\n' +
    'or available locally via: info \'(coreutils) du invocation\'\n',
};

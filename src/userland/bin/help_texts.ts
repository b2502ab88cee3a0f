// The --help texts of the programs added with mktemp.ts and its neighbours, as GNU coreutils 9.1
// (util-linux 2.38 for rev) print them in the C locale on Debian 12: the line tools here, the
// file and checksum programs in help_texts_files.ts.
import { gnuFooter } from './gnu_help.ts';
import { FILE_HELP } from './help_texts_files.ts';

const TEXT_HELP: Record<string, string> = {
  whoami:
    'Usage: whoami [OPTION]...\n' +
    'Print the user name associated with the current effective user ID.\n' +
    'Same as id -un.\n' +
    '\n' +
    '      --help        display this help and exit\n' +
    '      --version     output version information and exit\n' +
    '\n' +
    gnuFooter('whoami'),
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
    gnuFooter('printenv'),
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
    gnuFooter('tac'),
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
    gnuFooter('paste'),
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
    gnuFooter('nl'),
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
    gnuFooter('comm'),
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
    gnuFooter('fold'),
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
    gnuFooter('join'),
};

export const HELP: Record<string, string> = { ...TEXT_HELP, ...FILE_HELP };

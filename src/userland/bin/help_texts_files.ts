// --help texts of the file, filesystem and checksum programs (mktemp, truncate, the digests, dd,
// df, du), as GNU coreutils 9.1 prints them in the C locale on Debian 12.
import { blocksizeNote, digestHelp, gnuFooter, SIZE_NOTE, VERIFY_OPTIONS } from './gnu_help.ts';

export const FILE_HELP: Record<string, string> = {
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
    gnuFooter('mktemp'),
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
    SIZE_NOTE +
    '\n' +
    'SIZE may also be prefixed by one of the following modifying characters:\n' +
    '\'+\' extend by, \'-\' reduce by, \'<\' at most, \'>\' at least,\n' +
    '\'/\' round down to multiple of, \'%\' round up to multiple of.\n' +
    '\n' +
    gnuFooter('truncate'),
  md5sum: digestHelp('md5sum', 'MD5 (128-bit)', 'RFC 1321', gnuFooter('md5sum')),
  sha256sum: digestHelp('sha256sum', 'SHA256 (256-bit)', 'FIPS-180-2', gnuFooter('sha256sum', 'sha2 utilities')),
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
    VERIFY_OPTIONS +
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
    gnuFooter('cksum'),
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
    gnuFooter('dd'),
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
    blocksizeNote('DF') +
    '\n' +
    SIZE_NOTE +
    '\n' +
    'FIELD_LIST is a comma-separated list of columns to be included.  Valid\n' +
    'field names are: \'source\', \'fstype\', \'itotal\', \'iused\', \'iavail\', \'ipcent\',\n' +
    '\'size\', \'used\', \'avail\', \'pcent\', \'file\' and \'target\' (see info page).\n' +
    '\n' +
    gnuFooter('df'),
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
    blocksizeNote('DU') +
    '\n' +
    SIZE_NOTE +
    '\n' +
    gnuFooter('du'),
};

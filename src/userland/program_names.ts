// The names in programs_more.ts, in its order, without loading it: the playground's worker
// registers them all at boot and gets their code after the first prompt (init/programs_lazy.ts).
// test/init/programs-lazy.test.ts keeps the list equal to the table.
export const MORE_PROGRAM_NAMES: readonly string[] = [
  'cat', 'echo', 'true', 'false', 'clear', 'kill', 'sleep', 'pwd', 'basename', 'dirname',
  'uname', 'id', 'mkdir', 'rmdir', 'touch', 'chmod', 'ln', 'readlink', 'realpath', 'rm', 'cp',
  'mv', 'ls', 'stat', 'find', 'date', 'ps', 'pstree', 'dmesg', 'mount', 'umount', 'grep', 'sed',
  'awk', 'tr', 'cut', 'sort', 'uniq', 'wc', 'seq', 'expr', 'head', 'tail', 'od', 'tee', 'env',
  'xargs', 'test', '[', 'printf', 'which', 'man', 'help', 'capsh', 'crash', 'yes', 'mktemp', 'whoami', 'hostname', 'printenv', 'tac', 'rev', 'paste', 'nl', 'comm', 'fold',
  'truncate', 'join', 'md5sum', 'sha256sum', 'cksum', 'dd', 'du', 'df',
  'modprobe',
  'insmod', 'rmmod', 'lsmod', 'modinfo', 'depmod', 'kmod',
];

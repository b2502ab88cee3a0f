// Core utilities, by name (init/ installs them under /bin, /usr/bin and /sbin).
import type { Program } from '../../uapi/syscalls.ts';
import { capsh } from './capsh.ts';
import { cat } from './cat.ts';
import { chmod } from './chmod.ts';
import { cp, mv } from './cp.ts';
import { crash } from './crash.ts';
import { date } from './date.ts';
import { dmesg } from './dmesg.ts';
import { echo } from './echo.ts';
import { env } from './env.ts';
import { find } from './find.ts';
import { head } from './head.ts';
import { help } from './help.ts';
import { id, uname } from './ident.ts';
import { kill } from './kill.ts';
import { ln } from './ln.ts';
import { readlink, realpath } from './readlink.ts';
import { ls } from './ls.ts';
import { man } from './man.ts';
import { mkdir, rmdir } from './mkdir.ts';
import { mount, umount } from './mount.ts';
import { od } from './od.ts';
import { basename, dirname, pwd } from './paths.ts';
import { printf } from './printf.ts';
import { ps } from './ps.ts';
import { pstree } from './pstree.ts';
import { rm } from './rm.ts';
import { sleep } from './sleep.ts';
import { stat } from './stat.ts';
import { tail } from './tail.ts';
import { tee } from './tee.ts';
import { lbracket, test } from './test.ts';
import { awk, cut, expr, grep, sed, seq, sort, tr, uniq, wc } from './textprogs.ts';
import { touch } from './touch.ts';
import { clear, falseProg, trueProg, yes } from './trivial.ts';
import { comm } from './comm.ts';
import { fold } from './fold.ts';
import { hostname } from './hostname.ts';
import { mktemp } from './mktemp.ts';
import { nl } from './nl.ts';
import { paste } from './paste.ts';
import { printenv } from './printenv.ts';
import { rev } from './rev.ts';
import { tac } from './tac.ts';
import { join } from './join.ts';
import { cksum, md5sum, sha256sum } from './sums.ts';
import { truncate } from './truncate.ts';
import { dd } from './dd.ts';
import { du } from './du.ts';
import { df } from './df.ts';
import { whoami } from './whoami.ts';
import { which } from './which.ts';
import { xargs } from './xargs.ts';

export const coreutilsPrograms: Record<string, Program> = {
  cat,
  echo,
  true: trueProg,
  false: falseProg,
  clear,
  kill,
  sleep,
  pwd,
  basename,
  dirname,
  uname,
  id,
  mkdir,
  rmdir,
  touch,
  chmod,
  ln,
  readlink,
  realpath,
  rm,
  cp,
  mv,
  ls,
  stat,
  find,
  date,
  ps,
  pstree,
  dmesg,
  mount,
  umount,
  grep,
  sed,
  awk,
  tr,
  cut,
  sort,
  uniq,
  wc,
  seq,
  expr,
  head,
  tail,
  od,
  tee,
  env,
  xargs,
  test,
  '[': lbracket,
  printf,
  which,
  man,
  help,
  capsh,
  crash,
  yes,
  mktemp,
  whoami,
  hostname,
  printenv,
  tac,
  rev,
  paste,
  nl,
  comm,
  fold,
  truncate,
  join,
  md5sum,
  sha256sum,
  cksum,
  dd,
  du,
  df,
};

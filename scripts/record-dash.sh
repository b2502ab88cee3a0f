#!/bin/sh
# Record what the real shells do with the conformance cases, as golden files beside them:
#   scripts/record-dash.sh              test/sh/cases/*.sh       with /usr/bin/dash (0.5.12)
#   scripts/record-dash.sh bash         test/sh/bash-cases/*.sh  with /usr/bin/bash (5.2)
#   scripts/record-dash.sh dash NAME    only test/sh/cases/NAME.sh
# Each case runs as `SHELL /tmp/khsh/case.sh ARGS` in the empty directory /tmp/khsh/t with a fixed
# environment, exactly as test/sh/conformance.ts runs it inside the machine. Headers in a case:
#   # files: PATH[:MODE] ...   empty files to create under the directory (MODE octal)
#   # args: WORD ...           positional parameters
#   NAME.stdin                 (beside the case) standard input; /dev/null otherwise
# Results: NAME.out, NAME.err (stdout and stderr bytes) and NAME.status.
set -eu
shell=${1:-dash}
only=${2:-}
case $shell in
  dash) dir=test/sh/cases; bin=/usr/bin/dash ;;
  bash) dir=test/sh/bash-cases; bin=/usr/bin/bash ;;
  *) echo "usage: $0 [dash|bash] [NAME]" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/.."
for f in "$dir"/*.sh; do
  name=${f%.sh}
  if [ -n "$only" ] && [ "$(basename "$name")" != "$only" ]; then continue; fi
  rm -rf /tmp/khsh
  mkdir -p /tmp/khsh/t
  cp "$f" /tmp/khsh/case.sh
  for spec in $(sed -n 's/^# files: //p' "$f"); do
    path=${spec%%:*}
    mkdir -p "/tmp/khsh/t/$(dirname "$path")"
    : > "/tmp/khsh/t/$path"
    case $spec in *:*) chmod "${spec##*:}" "/tmp/khsh/t/$path" ;; esac
  done
  args=$(sed -n 's/^# args: //p' "$f")
  root=$(pwd)
  stdin=/dev/null
  [ -f "$name.stdin" ] && stdin=$root/$name.stdin
  set +e
  # shellcheck disable=SC2086
  (cd /tmp/khsh/t && env -i HOME=/root PATH=/sbin:/usr/sbin:/bin:/usr/bin TERM=linux USER=root LOGNAME=root \
    "$bin" /tmp/khsh/case.sh $args < "$stdin" > "$root/$name.out" 2> "$root/$name.err")
  echo $? > "$name.status"
  set -e
done
rm -rf /tmp/khsh

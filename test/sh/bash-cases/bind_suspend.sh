# bind without line editing warns and goes on; suspend without job control refuses
bind -l | head -5
bind -l | wc -l
bind -l | tail -3
bind -q beginning-of-line; echo "q: $?"
bind -q nosuch; echo "nosuch: $?"
bind -q self-insert
bind -q kill-whole-line; echo "unbound: $?"
bind -V | head -3
bind -v | grep -c .
bind -m nokeymap; echo "m: $?"
bind -f /nonexistent; echo "f: $?"
bind -Z; echo "Z: $?"
bind -u nosuch; echo "u: $?"
bind '"\C-a": end-of-line'
bind -q end-of-line
bind -r '\C-a'
bind -q beginning-of-line
bind -x '"\C-xq": echo hi'
bind -X
bind -s; bind -S
bind -P | grep -e '^accept-line' -e '^yank '
suspend; echo "suspend: $?"
suspend -z; echo "z: $?"
suspend x; echo "x: $?"
echo "after: $?"

# Each snippet runs in its own `sh -c` (as the differential probes ran them one by one).
echo "--- 0 $?"
sh -c 'sleep 1 & echo started; kill $!; wait $!; echo "st $?"' 2>&1
echo "--- 1 $?"
sh -c 'sleep 1 & p=$!; kill -STOP $p; kill -CONT $p; kill $p; wait $p; echo $?' 2>&1
echo "--- 4 $?"
sh -c 'trap "echo int" INT; kill -INT $$; echo after' 2>&1
echo "--- 5 $?"
sh -c 'trap "echo quit" QUIT; kill -QUIT $$; echo after' 2>&1
echo "--- 6 $?"
sh -c 'trap "echo t1" USR1; trap "echo t2" USR2; kill -USR1 $$; kill -USR2 $$; echo x' 2>&1
echo "--- 7 $?"
sh -c 'trap "echo a; trap - USR1" USR1; kill -USR1 $$; kill -USR1 $$; echo unreachable?' 2>&1
echo "--- 8 $?"
sh -c '(trap "echo sub-term" TERM; kill -TERM $$; echo sub-continues) ; echo "main $?"' 2>&1
echo "--- 9 $?"
sh -c '(trap "echo sub-term" TERM; kill -TERM $BASHPID 2>/dev/null; sh -c "kill -TERM \$PPID"; echo sub-continues); echo "main $?"' 2>&1
echo "--- 10 $?"
sh -c 'trap "echo exit1" EXIT; (trap "echo exit2" EXIT; exit 3); echo "st $?"' 2>&1
echo "--- 11 $?"
sh -c 'trap "echo exit; exit 5" EXIT; false' 2>&1
echo "--- 12 $?"
sh -c 'trap "false" EXIT; exit 0' 2>&1
echo "--- 13 $?"
sh -c 'trap "echo \$?" EXIT; sh -c "exit 7"' 2>&1
echo "--- 14 $?"
sh -c 'trap "echo in trap" TERM; kill $$ & wait; echo done' 2>&1
echo "--- 16 $?"
sh -c 'sh -m -c "echo hi"' 2>&1
echo "--- 17 $?"
sh -c 'wait $$; echo $?' 2>&1
echo "--- 18 $?"
sh -c 'wait %1; echo $?' 2>&1
echo "--- 19 $?"
sh -c 'jobs -l; jobs -p' 2>&1
echo "--- 20 $?"
sh -c 'sleep 0 & sleep 0 & jobs >/dev/null; wait; echo ok' 2>&1
echo "--- 21 $?"
sh -c 'kill -l 0 2>&1' 2>&1
echo "--- 22 $?"
sh -c 'kill -0 $$; echo $?' 2>&1
echo "--- 23 $?"
sh -c 'kill -s 0 $$; echo $?' 2>&1
echo "--- 24 $?"
sh -c 'kill %1 2>&1; echo $?' 2>&1
echo "--- 25 $?"
sh -c 'echo $$ > /dev/null; echo $(( $$ > 0 ))' 2>&1
echo "--- 26 $?"
sh -c 'x=$(trap); echo "[$x]"' 2>&1
echo "--- 27 $?"
sh -c 'trap "echo a" 0; x=$(trap); echo "[$x]"' 2>&1
echo "--- 28 $?"
sh -c 'f() { return 3; }; trap "f; echo \$?" EXIT' 2>&1
echo "--- 29 $?"
sh -c 'trap "return 3" USR1 2>/dev/null; kill -USR1 $$; echo "after return in trap $?"' 2>&1
echo "--- 30 $?"
sh -c 'ulimit -c 0; sh -c "kill -ABRT \$\$"; echo $?' 2>&1
echo "--- 31 $?"
sh -c 'sh -c "kill -HUP \$\$"; echo $?' 2>&1
echo "--- 32 $?"
sh -c 'sh -c "kill -ALRM \$\$"; echo $?' 2>&1
echo "--- 33 $?"
sh -c 'sh -c "kill -USR2 \$\$"; echo $?' 2>&1
echo "--- 34 $?"
sh -c 'sh -c "kill -KILL \$\$" | cat; echo $?' 2>&1
echo "--- end $?"

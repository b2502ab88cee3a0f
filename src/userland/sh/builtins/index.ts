// Loading this module registers every builtin in the table (builtins/table.ts).
import './core.ts';
import './cd.ts';
import './jobs.ts';
import './kill.ts';
import './misc.ts';
import './getopts.ts';
import './set.ts';
import './ulimit.ts';
import './read.ts';
import './text.ts';
import './bash.ts';
import './shopt.ts';
import './dirs.ts';
import './history.ts';
import './enable.ts';
import './complete.ts';
import './fc.ts';

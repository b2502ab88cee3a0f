// Loading this module registers every builtin in the table (builtins/table.ts).
import './core.ts';
import './cd.ts';
import './jobs.ts';
import './misc.ts';
import './read.ts';
import './text.ts';
import './bash.ts';

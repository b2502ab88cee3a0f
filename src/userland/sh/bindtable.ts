// Readline's tables as bash 5.2 prints them (bind -l, -v; recorded from bash 5.2 with TERM=linux
// and Debian's /etc/inputrc, whose input-meta/output-meta on match the editor's 8-bit input), and
// the default key bindings of the functions the console's line editor (lineedit.ts) carries out,
// written in readline's notation, in the order `bind -p` prints them. Keys the editor does not
// read as one sequence (ESC ESC [ D, ESC [ 5 D, ESC [ 3 ; 5 ~, M-M-NUL) are left out, and
// functions it does not have print as not bound.

/** rl_funmap_names(), sorted: what `bind -l` lists. */
export const RL_FUNCTIONS: string[] = [
  "abort", "accept-line", "alias-expand-line", "arrow-key-prefix", "backward-byte", "backward-char",
  "backward-delete-char", "backward-kill-line", "backward-kill-word", "backward-word",
  "beginning-of-history", "beginning-of-line", "bracketed-paste-begin", "call-last-kbd-macro",
  "capitalize-word", "character-search", "character-search-backward", "clear-display", "clear-screen",
  "complete", "complete-command", "complete-filename", "complete-hostname", "complete-into-braces",
  "complete-username", "complete-variable", "copy-backward-word", "copy-forward-word", "copy-region-as-kill",
  "dabbrev-expand", "delete-char", "delete-char-or-list", "delete-horizontal-space", "digit-argument",
  "display-shell-version", "do-lowercase-version", "downcase-word", "dump-functions", "dump-macros",
  "dump-variables", "dynamic-complete-history", "edit-and-execute-command", "emacs-editing-mode",
  "end-kbd-macro", "end-of-history", "end-of-line", "exchange-point-and-mark", "fetch-history",
  "forward-backward-delete-char", "forward-byte", "forward-char", "forward-search-history", "forward-word",
  "glob-complete-word", "glob-expand-word", "glob-list-expansions", "history-and-alias-expand-line",
  "history-expand-line", "history-search-backward", "history-search-forward",
  "history-substring-search-backward", "history-substring-search-forward", "insert-comment",
  "insert-completions", "insert-last-argument", "kill-line", "kill-region", "kill-whole-line", "kill-word",
  "magic-space", "menu-complete", "menu-complete-backward", "next-history", "next-screen-line",
  "non-incremental-forward-search-history", "non-incremental-forward-search-history-again",
  "non-incremental-reverse-search-history", "non-incremental-reverse-search-history-again",
  "old-menu-complete", "operate-and-get-next", "overwrite-mode", "possible-command-completions",
  "possible-completions", "possible-filename-completions", "possible-hostname-completions",
  "possible-username-completions", "possible-variable-completions", "previous-history",
  "previous-screen-line", "print-last-kbd-macro", "quoted-insert", "re-read-init-file",
  "redraw-current-line", "reverse-search-history", "revert-line", "self-insert", "set-mark",
  "shell-backward-kill-word", "shell-backward-word", "shell-expand-line", "shell-forward-word",
  "shell-kill-word", "shell-transpose-words", "skip-csi-sequence", "spell-correct-word", "start-kbd-macro",
  "tab-insert", "tilde-expand", "transpose-chars", "transpose-words", "tty-status", "undo",
  "universal-argument", "unix-filename-rubout", "unix-line-discard", "unix-word-rubout", "upcase-word",
  "vi-append-eol", "vi-append-mode", "vi-arg-digit", "vi-bWord", "vi-back-to-indent", "vi-backward-bigword",
  "vi-backward-word", "vi-bword", "vi-change-case", "vi-change-char", "vi-change-to", "vi-char-search",
  "vi-column", "vi-complete", "vi-delete", "vi-delete-to", "vi-eWord", "vi-edit-and-execute-command",
  "vi-editing-mode", "vi-end-bigword", "vi-end-word", "vi-eof-maybe", "vi-eword", "vi-fWord",
  "vi-fetch-history", "vi-first-print", "vi-forward-bigword", "vi-forward-word", "vi-fword", "vi-goto-mark",
  "vi-insert-beg", "vi-insertion-mode", "vi-match", "vi-movement-mode", "vi-next-word", "vi-overstrike",
  "vi-overstrike-delete", "vi-prev-word", "vi-put", "vi-redo", "vi-replace", "vi-rubout", "vi-search",
  "vi-search-again", "vi-set-mark", "vi-subst", "vi-tilde-expand", "vi-undo", "vi-unix-word-rubout",
  "vi-yank-arg", "vi-yank-pop", "vi-yank-to", "yank", "yank-last-arg", "yank-nth-arg", "yank-pop",
];

/** `bind -v`: readline variables and their values, in readline's order. */
export const RL_VARIABLES: [string, string][] = [
  ["bind-tty-special-chars", "on"], ["blink-matching-paren", "off"], ["byte-oriented", "off"],
  ["colored-completion-prefix", "off"], ["colored-stats", "off"], ["completion-ignore-case", "off"],
  ["completion-map-case", "off"], ["convert-meta", "on"], ["disable-completion", "off"],
  ["echo-control-characters", "on"], ["enable-active-region", "on"], ["enable-bracketed-paste", "on"],
  ["enable-keypad", "off"], ["enable-meta-key", "on"], ["expand-tilde", "off"],
  ["history-preserve-point", "off"], ["horizontal-scroll-mode", "off"], ["input-meta", "on"],
  ["mark-directories", "on"], ["mark-modified-lines", "off"], ["mark-symlinked-directories", "off"],
  ["match-hidden-files", "on"], ["menu-complete-display-prefix", "off"], ["meta-flag", "on"],
  ["output-meta", "on"], ["page-completions", "on"], ["prefer-visible-bell", "on"],
  ["print-completions-horizontally", "off"], ["revert-all-at-newline", "off"],
  ["show-all-if-ambiguous", "off"], ["show-all-if-unmodified", "off"], ["show-mode-in-prompt", "off"],
  ["skip-completed-text", "off"], ["visible-stats", "off"], ["bell-style", "audible"],
  ["comment-begin", "#"], ["completion-display-width", "-1"], ["completion-prefix-display-length", "0"],
  ["completion-query-items", "100"], ["editing-mode", "emacs"], ["emacs-mode-string", "@"],
  ["history-size", "0"], ["keymap", "emacs"], ["keyseq-timeout", "500"], ["vi-cmd-mode-string", "(cmd)"],
  ["vi-ins-mode-string", "(ins)"],
];

/** The editor's keys: [readline key sequence, function]. */
export const RL_KEYS: [string, string][] = [
  ["\\C-j", "accept-line"], ["\\C-m", "accept-line"], ["\\C-b", "backward-char"],
  ["\\M-OD", "backward-char"], ["\\M-[D", "backward-char"], ["\\C-h", "backward-delete-char"],
  ["\\C-?", "backward-delete-char"], ["\\M-\\C-h", "backward-kill-word"],
  ["\\M-\\C-?", "backward-kill-word"], ["\\M-[1;3D", "backward-word"], ["\\M-[1;5D", "backward-word"],
  ["\\M-b", "backward-word"], ["\\C-a", "beginning-of-line"], ["\\M-OH", "beginning-of-line"],
  ["\\M-[1~", "beginning-of-line"], ["\\M-[H", "beginning-of-line"], ["\\C-l", "clear-screen"],
  ["\\C-i", "complete"], ["\\C-d", "delete-char"], ["\\M-[3~", "delete-char"], ["\\C-e", "end-of-line"],
  ["\\M-OF", "end-of-line"], ["\\M-[4~", "end-of-line"], ["\\M-[F", "end-of-line"],
  ["\\C-f", "forward-char"], ["\\M-OC", "forward-char"], ["\\M-[C", "forward-char"],
  ["\\M-[1;3C", "forward-word"], ["\\M-[1;5C", "forward-word"], ["\\M-f", "forward-word"],
  ["\\C-k", "kill-line"], ["\\M-d", "kill-word"], ["\\C-n", "next-history"], ["\\M-OB", "next-history"],
  ["\\M-[B", "next-history"], ["\\C-p", "previous-history"], ["\\M-OA", "previous-history"],
  ["\\M-[A", "previous-history"], ["\\C-r", "reverse-search-history"], ["\\C-t", "transpose-chars"],
  ["\\C-u", "unix-line-discard"], ["\\C-w", "unix-word-rubout"], ["\\C-y", "yank"],
];

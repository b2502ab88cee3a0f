v='a*'
case 'a*' in "$v") echo exact;; esac
case 'ab' in $v) echo pattern;; esac
case 'x' in [$v]) echo bracket-from-var;; esac
case '\' in \\) echo bs;; esac
case 'a b' in a\ b) echo escaped-space;; esac
case '' in '') echo quoted-empty;; esac
case 'ab' in a""b) echo adjacent-empty;; esac

# shopt -s globstar: ** matches everything below (not into symlinked directories, dot files only
# with dotglob), a/** includes a/, **/ only directories, **/x zero or more directories.
mkdir -p gs/a/b gs/.h/c && cd gs && touch a/b/f.txt x.txt a/y.txt .h/c/z.txt a/.hid.txt && ln -s a lnk
shopt -s globstar; echo **; echo ---; echo **/*.txt; echo ---; echo a/**; echo ---; echo **/; echo ---; echo a/**/f.txt; echo ---
shopt -s dotglob; echo **/*.txt; echo ---; echo lnk/**; shopt -u dotglob
shopt -u globstar; echo **/*.txt

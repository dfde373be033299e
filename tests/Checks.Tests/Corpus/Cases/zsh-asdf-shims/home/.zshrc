. "$HOME/.asdf/asdf.sh"
fpath=(${ASDF_DIR}/completions $fpath)
export PATH="$PATH:$HOME/go/bin"

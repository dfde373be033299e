eval "$(~/.local/bin/mise activate zsh)"
export GOPATH="$HOME/go"
export PATH="$PATH:$GOPATH/bin"

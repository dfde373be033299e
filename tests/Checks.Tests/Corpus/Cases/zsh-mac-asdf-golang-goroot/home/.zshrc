. "$HOME/.asdf/asdf.sh"
. ~/.asdf/plugins/golang/set-env.zsh
export GOPATH=$HOME/go
export PATH=$PATH:$GOPATH/bin

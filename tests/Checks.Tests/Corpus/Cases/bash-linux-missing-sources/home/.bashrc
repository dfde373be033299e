export GOROOT=@SYS@/usr/local/go
export GOPATH=$HOME/go
export PATH=$GOROOT/bin:$PATH:$GOPATH/bin

HISTSIZE=10000

source ~/.bash_aliases_work
. "$HOME/.cargo/env"

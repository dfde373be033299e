eval "$(@SYS@/opt/homebrew/bin/brew shellenv)"
export GOPATH=$HOME/go
export PATH=$PATH:$GOPATH/bin
export GOFLAGS=-mod=vendor
export BASH_SILENCE_DEPRECATION_WARNING=1

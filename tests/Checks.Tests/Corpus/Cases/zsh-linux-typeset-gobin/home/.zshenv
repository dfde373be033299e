typeset -gx GOPATH=~/code/go
typeset -gx GOBIN=~/.local/bin

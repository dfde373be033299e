typeset -U path PATH
path=(@SYS@/usr/local/go/bin $path "$GOPATH/bin")
export PATH

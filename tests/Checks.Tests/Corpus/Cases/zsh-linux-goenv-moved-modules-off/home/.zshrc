export GOPATH=$HOME/go
export GOENV=$GOPATH/env
export PATH=@SYS@/usr/local/go/bin:$PATH:$GOPATH/bin

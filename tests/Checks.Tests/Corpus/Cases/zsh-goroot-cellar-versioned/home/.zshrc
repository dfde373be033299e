export GOPATH=$HOME/go
export GOROOT=@SYS@/opt/homebrew/Cellar/go/1.22.5/libexec
export PATH=$GOROOT/bin:$PATH:$GOPATH/bin

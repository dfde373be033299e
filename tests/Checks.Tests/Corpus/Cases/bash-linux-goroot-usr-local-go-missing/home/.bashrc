export PATH=@SYS@/usr/lib/go-1.19/bin:$PATH
export GOROOT=@SYS@/usr/local/go
export GOPATH=$HOME/go
export PATH=$PATH:$GOPATH/bin

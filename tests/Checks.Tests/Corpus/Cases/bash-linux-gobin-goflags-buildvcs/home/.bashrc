export PATH=@SYS@/usr/lib/go-1.19/bin:$PATH
export GOPATH=$HOME/go
export GOBIN=$GOPATH/bin
export PATH=$PATH:$GOBIN
export GOFLAGS=-buildvcs=false
export GOPROXY=https://athens.internal.example.com,https://proxy.golang.org,direct

export GOPATH=$HOME/go
export PATH=@SYS@/usr/local/go/bin:$PATH:$GOPATH/bin
export GOPROXY=https://goproxy.cn,direct
export GOSUMDB=off

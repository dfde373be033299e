export GOPATH=$HOME/go
export PATH=@SYS@/usr/local/go/bin:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin:$GOPATH/bin

export GOPATH=$HOME/go
export PATH=@SYS@/usr/local/go/bin:$PATH:$GOPATH/bin
export PATH=$PATH:.

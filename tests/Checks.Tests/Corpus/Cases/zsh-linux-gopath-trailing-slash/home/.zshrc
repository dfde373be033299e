# Golang
export GOPATH="$HOME/golang/"
export PATH=@SYS@/usr/local/go/bin:$PATH:$GOPATH/bin

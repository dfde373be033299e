export GOPATH=$HOME/go
export GOROOT=@SYS@/opt/homebrew/opt/go/libexec
export PATH=$GOROOT/bin:$PATH:$GOPATH/bin
alias gt='go test ./...'

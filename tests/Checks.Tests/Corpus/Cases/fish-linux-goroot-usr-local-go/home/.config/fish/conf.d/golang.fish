set -gx GOROOT @SYS@/usr/local/go
set -gx GOPATH $HOME/go
set -gx PATH $GOROOT/bin $PATH $GOPATH/bin

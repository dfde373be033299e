set -gx GOPATH $HOME/go
set -gx GOROOT @SYS@/opt/homebrew/Cellar/go/1.22.5/libexec
set -gx PATH $GOROOT/bin $GOPATH/bin $PATH

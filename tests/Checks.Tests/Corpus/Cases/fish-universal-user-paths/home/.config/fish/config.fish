set -gx GOPATH $HOME/go
contains $GOPATH/bin $PATH; or set -gx PATH $PATH $GOPATH/bin

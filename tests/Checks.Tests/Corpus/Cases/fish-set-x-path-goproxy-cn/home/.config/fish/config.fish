set -x GOPATH $HOME/go
set -x GOPROXY https://goproxy.cn,direct
set -x PATH @SYS@/opt/homebrew/opt/go/libexec/bin $PATH $GOPATH/bin
if test (uname) = Darwin
    set -x PATH /opt/homebrew/bin $PATH
end

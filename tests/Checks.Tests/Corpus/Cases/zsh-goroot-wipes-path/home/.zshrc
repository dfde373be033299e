export GOROOT=@SYS@/opt/homebrew/opt/go/libexec
export PATH=$GOROOT/bin

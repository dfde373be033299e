eval "$(@SYS@/opt/homebrew/bin/brew shellenv)"
export GOROOT=@SYS@/opt/homebrew/opt/go/libexec
export GOPATH=$HOME/go
export PATH=$PATH:$GOROOT/bin:$GOPATH/bin
export BASH_SILENCE_DEPRECATION_WARNING=1

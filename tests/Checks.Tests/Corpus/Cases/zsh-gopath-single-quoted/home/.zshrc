export GOPATH='$HOME/go'
export PATH="@SYS@/opt/homebrew/opt/go/libexec/bin:$PATH:$HOME/go/bin"

export PATH="@SYS@/usr/local/go/bin:$PATH:$HOME/go/bin"
export GOPATH="~/go"

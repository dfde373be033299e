export PATH="@SYS@/usr/local/go/bin:$PATH"
export GOPATH="$HOME/go"
export PATH="$PATH:~/go/bin"

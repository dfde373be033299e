echo "Welcome back, $USER"
export PATH="$HOME/bin:$HOME/.cargo/bin:/snap/bin:$PATH"
export PATH="@SYS@/usr/local/go/bin:$PATH"
export GOPATH=$HOME
export PATH="$PATH:$GOPATH/bin"
export GO111MODULE=on
export CGO_ENABLED=0

case "$OSTYPE" in
  darwin*)
    export GOROOT=/usr/local/opt/go/libexec
    eval "$(/opt/homebrew/bin/brew shellenv)"
    ;;
  linux*)
    export PATH="@SYS@/usr/lib/go-1.19/bin:$PATH"
    ;;
esac
export GOPATH="$HOME/go"
export PATH="$PATH:$GOPATH/bin"

eval "$(@SYS@/opt/homebrew/bin/brew shellenv)"
export PATH="$PATH:$HOME/go/bin"
export GOPROXY=https://proxy.golang.org,direct

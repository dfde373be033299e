eval "$(@SYS@/opt/homebrew/bin/brew shellenv)"
source ~/.zsh_secrets
export GOPATH="$HOME/go"
export GOPRIVATE="github.com/acme-corp/*"
export PATH="$GOPATH/bin:$PATH"

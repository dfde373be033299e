setopt autocd
HISTSIZE=5000
alias ll='ls -lah'

# go
export GOPATH="$HOME/go"
export GOROOT="$(brew --prefix go)/libexec"
export PATH="$GOPATH/bin:$GOROOT/bin:$PATH"

export BASH_SILENCE_DEPRECATION_WARNING=1
eval "$(@SYS@/opt/homebrew/bin/brew shellenv)"
export GOPATH="${HOME}/go"
export GOROOT="$(brew --prefix go)/libexec"
export PATH="${PATH}:${GOPATH}/bin:${GOROOT}/bin"

autoload -Uz compinit && compinit -u
export GOPATH="${HOME}/go"
export PATH="${PATH}:${GOPATH}/bin"
export GOPROXY=https://proxy.golang.org,direct

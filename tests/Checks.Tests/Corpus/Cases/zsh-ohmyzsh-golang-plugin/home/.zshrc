# Path to your oh-my-zsh installation.
export ZSH="$HOME/.oh-my-zsh"
ZSH_THEME="robbyrussell"
plugins=(git golang)

export GOPATH=$HOME/go
source $ZSH/oh-my-zsh.sh

# Go tools
export PATH=$PATH:$(go env GOPATH)/bin
alias gt='go test ./...'

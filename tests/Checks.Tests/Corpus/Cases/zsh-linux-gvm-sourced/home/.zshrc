HISTFILE=~/.histfile
setopt appendhistory
bindkey -e

[[ -s "$HOME/.gvm/scripts/gvm" ]] && source "$HOME/.gvm/scripts/gvm"

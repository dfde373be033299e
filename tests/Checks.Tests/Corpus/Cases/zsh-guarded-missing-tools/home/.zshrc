eval "$(@SYS@/opt/homebrew/bin/brew shellenv)"

if command -v pyenv 1>/dev/null 2>&1; then
  eval "$(pyenv init -)"
fi
(( $+commands[direnv] )) && eval "$(direnv hook zsh)"
which nodenv > /dev/null && eval "$(nodenv init -)"
[[ -f ~/.p10k.zsh ]] && source ~/.p10k.zsh

export GOPATH=$HOME/go
export PATH=$GOPATH/bin:$PATH

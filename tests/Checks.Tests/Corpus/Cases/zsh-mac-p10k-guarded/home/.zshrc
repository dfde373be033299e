if [[ -r "${XDG_CACHE_HOME:-$HOME/.cache}/p10k-instant-prompt-${(%):-%n}.zsh" ]]; then
  source "${XDG_CACHE_HOME:-$HOME/.cache}/p10k-instant-prompt-${(%):-%n}.zsh"
fi

export PATH=@SYS@/usr/local/go/bin:$PATH
export GOPRIVATE=github.com/acme-corp/*
export GONOSUMDB=github.com/acme-corp/*
path+=("$HOME/go/bin")

[[ ! -f ~/.p10k.zsh ]] || source ~/.p10k.zsh

export XDG_CONFIG_HOME="$HOME/.config"
export XDG_CACHE_HOME="$HOME/.cache"
export GOENV="$XDG_CONFIG_HOME/go/env"

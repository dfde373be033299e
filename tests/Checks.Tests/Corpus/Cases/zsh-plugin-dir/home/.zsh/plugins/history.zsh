setopt share_history
HISTFILE=~/.zsh_history

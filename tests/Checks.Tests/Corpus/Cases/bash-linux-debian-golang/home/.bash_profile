# Get the aliases and functions
[[ -f ~/.bashrc ]] && . ~/.bashrc

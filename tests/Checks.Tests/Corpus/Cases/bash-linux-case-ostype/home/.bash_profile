[[ -f ~/.bashrc ]] && source ~/.bashrc

[[ -r ~/.bashrc ]] && . ~/.bashrc

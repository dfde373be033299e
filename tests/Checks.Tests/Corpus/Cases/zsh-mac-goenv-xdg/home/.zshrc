typeset -U path
path=($HOME/go/bin $path)

typeset -U path
path=(~/.local/bin @SYS@/usr/local/go/bin $path)

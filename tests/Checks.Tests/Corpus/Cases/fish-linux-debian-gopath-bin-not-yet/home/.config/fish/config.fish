if status is-interactive
    set -g fish_greeting
end

fish_add_path --global @SYS@/usr/lib/go-1.19/bin
set -gx GOPATH $HOME/go
fish_add_path --global --append $GOPATH/bin

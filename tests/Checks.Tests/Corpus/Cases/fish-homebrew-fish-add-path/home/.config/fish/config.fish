if status is-interactive
    set -g fish_greeting
end
set -gx GOPATH $HOME/go
fish_add_path @SYS@/opt/homebrew/opt/go/libexec/bin
fish_add_path --append $GOPATH/bin
set -gx GOPROXY https://proxy.golang.org,direct

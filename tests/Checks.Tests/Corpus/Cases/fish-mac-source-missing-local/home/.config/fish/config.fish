set -gx GOPATH $HOME/go
fish_add_path @SYS@/opt/homebrew/bin $GOPATH/bin

source ~/.config/fish/local.fish
test -f ~/.config/fish/work.fish; and source ~/.config/fish/work.fish

set -gx GOPROXY https://proxy.golang.org,direct

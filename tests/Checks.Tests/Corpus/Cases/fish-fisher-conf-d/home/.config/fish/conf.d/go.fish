set -gx GOPATH $HOME/go
set -gx GOBIN $GOPATH/bin
set -gx GOPROXY https://proxy.golang.org,direct

if test -d @SYS@/opt/homebrew/opt/go/libexec/bin
    fish_add_path --global --prepend @SYS@/opt/homebrew/opt/go/libexec/bin
end
fish_add_path --global --append $GOBIN

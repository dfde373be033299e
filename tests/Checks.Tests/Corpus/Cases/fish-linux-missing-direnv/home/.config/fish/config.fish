set -gx GOPATH $HOME/go
set -gx PATH @SYS@/usr/local/go/bin $PATH $GOPATH/bin

if type -q pyenv
    pyenv init - | source
end
direnv hook fish | source
set -gx EDITOR nvim

export PATH="@SYS@/opt/homebrew/opt/go/libexec/bin:$PATH:$HOME/go/bin"
eval "$(nodenv init -)"
export EDITOR=vim

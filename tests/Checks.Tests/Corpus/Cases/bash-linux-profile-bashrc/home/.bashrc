case $- in
    *i*) ;;
      *) return;;
esac
HISTCONTROL=ignoreboth
shopt -s histappend

export GOPATH="${HOME}/go"
export PATH="@SYS@/opt/homebrew/opt/go/libexec/bin:${PATH}:${GOPATH}/bin"
[ -f ~/.fzf.bash ] && source ~/.fzf.bash

export PATH=@SYS@/opt/homebrew/bin:$PATH
[[ -r "$(brew --prefix)/etc/profile.d/bash_completion.sh" ]] && . "$(brew --prefix)/etc/profile.d/bash_completion.sh"
export GOPATH=$HOME/go:$HOME/work
export PATH=$PATH:${GOPATH//://bin:}/bin

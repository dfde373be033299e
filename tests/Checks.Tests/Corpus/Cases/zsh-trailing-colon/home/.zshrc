export PATH="@SYS@/opt/homebrew/opt/go/libexec/bin:$PATH:$HOME/go/bin"
export PATH=$PATH:$HOME/.bin:

export PATH="$HOME/.local/bin:$PATH"
if (( $+commands[mise] )); then
  eval "$(mise activate zsh --shims)"
fi
export PATH="$PATH:$HOME/go/bin"

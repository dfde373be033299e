for plugin in $HOME/.zsh/plugins/*.zsh(N); do
  source "$plugin"
done
unset plugin

# A trimmed framework loader: each plugin's file, then the theme.
ZSH_CUSTOM="${ZSH_CUSTOM:-$ZSH/custom}"
fpath=("$ZSH/functions" $fpath)
for plugin ($plugins); do
  if [[ -f "$ZSH_CUSTOM/plugins/$plugin/$plugin.plugin.zsh" ]]; then
    source "$ZSH_CUSTOM/plugins/$plugin/$plugin.plugin.zsh"
  elif [[ -f "$ZSH/plugins/$plugin/$plugin.plugin.zsh" ]]; then
    source "$ZSH/plugins/$plugin/$plugin.plugin.zsh"
  fi
done
[[ -f "$ZSH/themes/$ZSH_THEME.zsh-theme" ]] && source "$ZSH/themes/$ZSH_THEME.zsh-theme"
unset plugin

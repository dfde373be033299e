typeset -gA ZINIT
ZINIT[HOME_DIR]="${XDG_DATA_HOME:-$HOME/.local/share}/zinit"
zinit() {
  case "$1" in
    light|load) [[ -f "${ZINIT[HOME_DIR]}/plugins/${2//\//---}/init.zsh" ]] && source "${ZINIT[HOME_DIR]}/plugins/${2//\//---}/init.zsh" ;;
    ice) ;;
  esac
  return 0
}

export ASDF_DIR="${ASDF_DIR:-$HOME/.asdf}"
case ":$PATH:" in
  *":$ASDF_DIR/shims:"*) ;;
  *) export PATH="$ASDF_DIR/bin:$ASDF_DIR/shims:$PATH" ;;
esac

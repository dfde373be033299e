for f in ~/.bash.d/*.sh; do
  [ -r "$f" ] && . "$f"
done
unset f

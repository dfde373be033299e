typeset -gU path fpath
path=(
  $HOME/{,s}bin(N-/)
  $HOME/go/bin(N-/)
  @SYS@/usr/local/go/bin(N-/)
  @SYS@/opt/homebrew/{,s}bin(N-/)
  $path
)

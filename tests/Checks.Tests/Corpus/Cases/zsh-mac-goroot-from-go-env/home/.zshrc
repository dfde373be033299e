if (( $+commands[go] )); then
  export GOROOT="$(go env GOROOT)"
  export GOPATH="$(go env GOPATH)"
  export PATH="$GOROOT/bin:$GOPATH/bin:$PATH"
fi

skip_global_compinit=1
export GOPATH="$HOME/src/go"

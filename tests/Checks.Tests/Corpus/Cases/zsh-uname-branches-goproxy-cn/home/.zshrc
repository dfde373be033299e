export GOPROXY=https://goproxy.cn,direct
export GO111MODULE=on

if [[ $(uname) == Darwin ]]; then
  export GOROOT=/usr/local/Cellar/go/1.16/libexec
  export PATH="/usr/local/opt/coreutils/libexec/gnubin:$PATH"
else
  export PATH="@SYS@/opt/homebrew/bin:$PATH"
fi

export GOPATH=$HOME/go
path+=("$GOPATH/bin")
export PATH

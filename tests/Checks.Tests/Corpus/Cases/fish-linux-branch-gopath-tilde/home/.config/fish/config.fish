switch (uname)
    case Linux
        set -gx GOPATH '~/go'
        set -gx PATH @SYS@/usr/lib/go-1.19/bin $PATH $HOME/go/bin
    case Darwin
        set -gx GOPATH $HOME/go
        fish_add_path /opt/homebrew/bin
end

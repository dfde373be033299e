eval "$(@SYS@/opt/homebrew/bin/brew shellenv)"

# Set PATH, MANPATH, etc., for Homebrew.
eval "$(@SYS@/opt/homebrew/bin/brew shellenv)"

if [ -x @SYS@/usr/libexec/path_helper ]; then
    eval `@SYS@/usr/libexec/path_helper -s`
fi

if [ -x @SYS@/opt/homebrew/bin/brew ]; then
    eval "$(@SYS@/opt/homebrew/bin/brew shellenv)"
fi

if status is-login
    fish_add_path --path @SYS@/opt/homebrew/bin
end
fish_add_path --path --append ~/go/bin

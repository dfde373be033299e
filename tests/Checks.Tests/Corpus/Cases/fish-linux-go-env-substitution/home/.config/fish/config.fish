set GO_INSTALL @SYS@/usr/local/go
if test -d $GO_INSTALL
    fish_add_path --prepend $GO_INSTALL/bin
end

if command -q go
    set -gx GOPATH (go env GOPATH)
    fish_add_path --append $GOPATH/bin
end

export PATH="@SYS@/usr/local/go/bin:$GOPATH/bin:$PATH"

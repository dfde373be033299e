# Setting PATH for Go
export PATH="@SYS@/usr/local/go/bin:${PATH}"

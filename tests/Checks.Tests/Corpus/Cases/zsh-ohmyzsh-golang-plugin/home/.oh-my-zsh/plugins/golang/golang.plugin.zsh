alias gob='go build'
alias goc='go clean'
alias gog='go get'
alias gofa='go fmt ./...'

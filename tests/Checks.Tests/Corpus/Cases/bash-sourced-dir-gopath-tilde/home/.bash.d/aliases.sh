alias gs='git status'

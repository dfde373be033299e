export PATH=${PATH}:${HOME}/code/go/bin

source ~/.bashrc

if [ -f ~/.bashrc ]; then
  source ~/.bashrc
fi

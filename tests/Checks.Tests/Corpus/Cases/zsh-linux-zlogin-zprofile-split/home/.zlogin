print -P "%F{green}login shell ready%f"

PROMPT='%(?:%F{green}➜:%F{red}➜) %F{cyan}%c%f '

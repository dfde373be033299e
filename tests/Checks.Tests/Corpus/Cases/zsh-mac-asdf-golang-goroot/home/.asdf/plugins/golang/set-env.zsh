asdf_update_golang_env() {
  local go_path
  go_path="$(asdf where golang)"
  if [[ -n "${go_path}" ]]; then
    export GOROOT="${go_path}/go"
  fi
}
asdf_update_golang_env

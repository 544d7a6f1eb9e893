#compdef hostnet
# zsh completion for hostnet: source <(hostnet completion zsh) after compinit, or save as _hostnet in $fpath.
# hostnet answers itself: "[suggest:N]" LINE prints the candidates at position N of LINE (System.CommandLine's
# suggest directive); the words typed so far, without the program's name, are LINE, and the cursor ends it.
_hostnet() {
  local line="${(j: :)words[2,CURRENT]}"
  local -a candidates
  candidates=("${(@f)$(${words[1]} "[suggest:${#line}]" "$line" 2>/dev/null)}")
  candidates=(${candidates:#})
  if (( ${#candidates} )); then
    compadd -a candidates
  else
    _files
  fi
}
if [[ "${funcstack[1]}" == "_hostnet" ]]; then
  _hostnet "$@"
else
  compdef _hostnet hostnet
fi

# bash completion for hostnet: source <(hostnet completion bash)
# hostnet answers itself: "[suggest:N]" LINE prints the candidates at position N of LINE (System.CommandLine's
# suggest directive); the words typed so far, without the program's name, are LINE, and the cursor ends it.
_hostnet_complete() {
    local line="${COMP_WORDS[*]:1:COMP_CWORD}"
    local candidates
    candidates=$("${COMP_WORDS[0]}" "[suggest:${#line}]" "$line" 2>/dev/null) || return 0
    local IFS=$'\n'
    # shellcheck disable=SC2207 # one candidate per line, none with spaces
    COMPREPLY=($(compgen -W "$candidates" -- "${COMP_WORDS[COMP_CWORD]}"))
}
complete -o default -F _hostnet_complete hostnet

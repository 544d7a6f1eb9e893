# fish completion for hostnet: hostnet completion fish > ~/.config/fish/completions/hostnet.fish
# hostnet answers itself: "[suggest:N]" LINE prints the candidates at position N of LINE (System.CommandLine's
# suggest directive); the words typed so far, without the program's name, are LINE, and the cursor ends it.
function __hostnet_complete
    set -l words (commandline -opc) (commandline -ct)
    set -l line (string join ' ' -- $words[2..-1])
    $words[1] "[suggest:"(string length -- "$line")"]" "$line" 2>/dev/null
end
complete -c hostnet -a '(__hostnet_complete)'

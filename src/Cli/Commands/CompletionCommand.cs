using System.CommandLine;
using GoWatch.Cli.Usage;

namespace GoWatch.Cli.Commands;

/// <summary>
/// <c>gowatch completion zsh|bash|fish</c>: a completion script that asks gowatch itself what
/// may come next (System.CommandLine's <c>[suggest]</c> directive), so verbs, flags, event
/// types and check ids complete without a list to keep up to date.
/// </summary>
public static class CompletionCommand
{
    private static readonly string[] Shells = ["bash", "fish", "zsh"];

    public static Command Create(CliContext context)
    {
        var shell = new Argument<string>("SHELL") { Description = "bash, fish or zsh" };
        shell.CompletionSources.Add(Shells);
        shell.Validators.Add(result =>
        {
            var value = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (!Shells.Contains(value, StringComparer.Ordinal))
            {
                result.AddError(Suggestions.Nearest(value, Shells) is { } nearest
                    ? $"no completion for '{value}'; did you mean {nearest}?"
                    : $"no completion for '{value}'; the shells are bash, fish and zsh.");
            }
        });
        var command = new Command("completion", "Print a shell completion script (bash, fish or zsh)") { shell };
        command.SetAction(parse =>
        {
            context.Out.Write(parse.GetValue(shell) switch
            {
                "bash" => Bash,
                "fish" => Fish,
                _ => Zsh,
            });
            context.Out.Flush();
            return ExitCodes.Ok;
        });
        return command;
    }

    // Each script hands gowatch the line up to the cursor and the cursor's offset in it.
    private const string Bash = """
        # gowatch completion for bash: add to ~/.bashrc, or run: source <(gowatch completion bash)
        _gowatch_complete() {
            local line="${COMP_LINE:0:COMP_POINT}"
            local IFS=$'\n'
            COMPREPLY=($(compgen -W "$(gowatch "[suggest:${#line}]" "$line" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}"))
        }
        complete -o default -F _gowatch_complete gowatch

        """;

    private const string Zsh = """
        #compdef gowatch
        # gowatch completion for zsh: save as _gowatch in a directory of $fpath, or run: source <(gowatch completion zsh)
        _gowatch() {
            local line="${BUFFER[1,CURSOR]}"
            local -a suggestions
            suggestions=("${(@f)$(gowatch "[suggest:${#line}]" "$line" 2>/dev/null)}")
            compadd -a suggestions
        }
        if [[ "${zsh_eval_context[-1]}" == loadautoload ]]; then
            _gowatch "$@"
        else
            compdef _gowatch gowatch
        fi

        """;

    private const string Fish = """
        # gowatch completion for fish: save as ~/.config/fish/completions/gowatch.fish
        function __gowatch_complete
            set -l line (commandline -cp)
            gowatch "[suggest:"(string length -- "$line")"]" "$line" 2>/dev/null
        end
        complete -c gowatch -f -a '(__gowatch_complete)'

        """;
}

namespace GoWatch.Cli.Usage;

/// <summary>Two or three real command lines for each command's <c>--help</c>, keyed by the command path after "gowatch".</summary>
public static class Examples
{
    private static readonly Dictionary<string, (string Line, string What)[]> ByCommand = new(StringComparer.Ordinal)
    {
        [""] =
        [
            ("gowatch history --path ~/.zshrc --since 7d", "what changed in ~/.zshrc this week"),
            ("gowatch doctor", "run every check now"),
            ("gowatch revert 812", "undo change 812 (shows the diff, then asks)"),
        ],
        ["history"] =
        [
            ("gowatch history --path ~/.zshrc --since 7d", "changes to one file in the last week"),
            ("gowatch history --type FileChanged --limit 20 --json", "the last 20 edits, for a script"),
            ("gowatch history --check path.broken", "when a check broke and was fixed, and which change it blamed"),
        ],
        ["show"] =
        [
            ("gowatch show", "the newest event"),
            ("gowatch show 812", "event 812 in full, with its diff"),
            ("gowatch show 812 --json", "the event as history --json prints it"),
        ],
        ["diff"] =
        [
            ("gowatch diff 812", "what event 812 changed"),
            ("gowatch diff 812 | (cd / && git apply -R)", "undo it by hand (paths in the patch are absolute)"),
        ],
        ["revert"] =
        [
            ("gowatch revert 812 --dry-run", "the diff the revert would apply; nothing changes"),
            ("gowatch revert 812", "shows the diff and asks (the answer defaults to no)"),
            ("gowatch revert 815 --yes", "815 is a FileReverted: undo the undo, without asking"),
        ],
        ["report"] =
        [
            ("gowatch report", "the last 30 days as a page in the data dir; prints its path"),
            ("gowatch report --since 7d -o week.html --open", "the last week, written to week.html and opened"),
            ("gowatch report --json", "the same breaks and repair times for a script"),
        ],
        ["store"] =
        [
            ("gowatch store check", "is the event store sound? (exit 1 if damaged)"),
            ("gowatch store recover --to ~/gowatch-recovered", "copy every readable event into a new store"),
        ],
        ["store check"] =
        [
            ("gowatch store check", "check every page of the event store; exit 1 if damaged"),
            ("gowatch store check && echo sound", "for a script"),
        ],
        ["store recover"] =
        [
            ("gowatch store recover --to ~/gowatch-recovered", "a new store from the readable events; the damaged one is left as it is"),
            ("gowatch store recover --to /tmp/gowatch-copy && ls /tmp/gowatch-copy", "recover into a scratch folder and look"),
        ],
        ["status"] =
        [
            ("gowatch status", "is gowatchd running, and is the setup healthy?"),
            ("gowatch status --json", "the same for a script (exit 3 when gowatchd is not running)"),
        ],
        ["follow"] =
        [
            ("gowatch follow", "watch events arrive; Ctrl-C to stop"),
            ("gowatch follow --json | jq .type", "one JSON object per line"),
        ],
        ["doctor"] =
        [
            ("gowatch doctor", "run every check now"),
            ("gowatch doctor --check path.broken --json", "one check, as JSON"),
        ],
        ["explain"] =
        [
            ("gowatch explain GOROOT go", "where GOROOT and the go on PATH come from, in a terminal and in GoLand"),
            ("gowatch explain GOPATH --json", "every source of GOPATH, for a script"),
        ],
        ["watch"] =
        [
            ("gowatch watch add ~/code/service", "also watch this project's .idea/workspace.xml and go.mod"),
            ("gowatch watch list", "the projects added so far"),
        ],
        ["watch add"] =
        [
            ("gowatch watch add ~/code/service", "watch this project's .idea/workspace.xml and go.mod"),
            ("gowatch watch add .", "the project in the current directory"),
        ],
        ["watch list"] =
        [
            ("gowatch watch list", "the projects added with watch add"),
            ("gowatch watch list --json", "the same as a JSON array"),
        ],
        ["watch remove"] =
        [
            ("gowatch watch remove ~/code/service", "stop watching it"),
            ("gowatch watch remove .", "stop watching the project in the current directory"),
        ],
        ["service"] =
        [
            ("gowatch service install --dry-run", "show the service file and the commands; change nothing"),
            ("gowatch service install", "run gowatchd now and at every login"),
            ("gowatch service status", "ask launchd / systemd about it"),
        ],
        ["service install"] =
        [
            ("gowatch service install --dry-run", "show the service file and the commands; change nothing"),
            ("GOWATCH_DAEMON_PATH=~/Applications/GoWatch/native gowatch service install", "run a gowatchd built elsewhere"),
        ],
        ["service uninstall"] =
        [
            ("gowatch service uninstall --dry-run", "the commands it would run"),
            ("gowatch service uninstall", "stop gowatchd and remove the service file; the history stays"),
        ],
        ["service status"] =
        [
            ("gowatch service status", "installed, loaded, running, pid"),
            ("gowatch service status --json", "the same for a script"),
        ],
        ["help"] =
        [
            ("gowatch help history", "the help of one command"),
            ("gowatch help service install", "the help of a subcommand"),
        ],
        ["completion"] =
        [
            ("gowatch completion zsh > \"${fpath[1]}/_gowatch\"", "zsh (then restart the shell)"),
            ("gowatch completion bash >> ~/.bashrc", "bash"),
            ("gowatch completion fish > ~/.config/fish/completions/gowatch.fish", "fish"),
        ],
    };

    public static IReadOnlyList<(string Line, string What)> For(string commandPath) =>
        ByCommand.TryGetValue(commandPath, out var examples) ? examples : [];
}

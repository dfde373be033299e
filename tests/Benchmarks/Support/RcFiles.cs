using System.Text;

namespace GoWatch.Benchmarks.Support;

/// <summary>Realistic shell startup files, and realistic edits of them (one or two lines at a time).</summary>
public static class RcFiles
{
    public const string Bashrc =
        "# ~/.bashrc\n" +
        "case $- in *i*) ;; *) return;; esac\n" +
        "HISTCONTROL=ignoreboth\nHISTSIZE=10000\nshopt -s histappend checkwinsize\n" +
        "export GOPATH=\"$HOME/go\"\n" +
        "export PATH=\"/usr/local/go/bin:$GOPATH/bin:$PATH\"\n" +
        "alias ll='ls -alF'\nalias gs='git status'\n";

    /// <summary>A ~4 KB ~/.zshrc of the kind a Go developer on a Mac keeps.</summary>
    public static string Zshrc => ZshrcText.Value;

    private static readonly Lazy<string> ZshrcText = new(() => Generate(new Random(42), 4096));

    private static readonly string[] Templates =
    [
        "export PATH=\"{0}:$PATH\"",
        "export GOPATH=\"$HOME/{1}\"",
        "export GOPROXY=https://proxy.golang.org,direct",
        "export GOPRIVATE=github.com/{2}/*",
        "export GO111MODULE=on",
        "alias {3}='{4}'",
        "# {5}",
        "[ -f \"$HOME/.{6}\" ] && source \"$HOME/.{6}\"",
        "eval \"$({7} init zsh)\"",
        "setopt {8}",
        "bindkey '^{9}' {10}",
        "export {11}_HOME=\"/opt/{12}\"",
        "zstyle ':completion:*' {13} true",
        "if [[ -d \"$HOME/{1}/bin\" ]]; then path+=(\"$HOME/{1}/bin\"); fi",
    ];

    private static readonly string[] Words =
    [
        "go", "sdk", "bin", "homebrew", "local", "tools", "gopls", "dlv", "golangci", "protoc", "node", "java", "python",
        "rust", "cargo", "kube", "docker", "aws", "gcloud", "terraform", "starship", "zoxide", "direnv", "fzf", "pyenv",
        "autocd", "histignoredups", "sharehistory", "menucomplete", "acme", "widgets", "internal", "platform", "infra",
    ];

    public static string Line(Random random)
    {
        var template = Templates[random.Next(Templates.Length)];
        var args = Enumerable.Range(0, 14).Select(i => i switch
        {
            0 => "/" + string.Join('/', Enumerable.Range(0, random.Next(2, 5)).Select(_ => Word(random))),
            5 => string.Join(' ', Enumerable.Range(0, random.Next(3, 9)).Select(_ => Word(random))),
            9 => ((char)('A' + random.Next(26))).ToString(),
            _ => Word(random) + (random.Next(4) == 0 ? random.Next(100).ToString(System.Globalization.CultureInfo.InvariantCulture) : ""),
        }).Cast<object>().ToArray();
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, template, args);
    }

    private static string Word(Random random) => Words[random.Next(Words.Length)];

    public static string Generate(Random random, int size)
    {
        var text = new StringBuilder("# ~/.zshrc\n");
        while (text.Length < size)
        {
            text.Append(Line(random)).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The next revision: one or two lines replaced, inserted or removed, the size kept near its start.</summary>
    public static string Edit(Random random, string content)
    {
        var lines = content.Split('\n').ToList();
        if (lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        while (lines.Count < 3)
        {
            lines.Add(Line(random));
        }
        var edits = random.Next(1, 3);
        for (var i = 0; i < edits; i++)
        {
            var at = random.Next(1, lines.Count);
            switch (random.Next(4))
            {
                case 0 when lines.Count > 10:
                    lines.RemoveAt(at);
                    lines.Insert(random.Next(1, lines.Count), Line(random));
                    break;
                case 1:
                    lines[at] = lines[at].StartsWith("# ", StringComparison.Ordinal) ? lines[at][2..] : "# " + lines[at];
                    break;
                default:
                    lines[at] = Line(random);
                    break;
            }
        }
        return string.Join('\n', lines) + "\n";
    }
}

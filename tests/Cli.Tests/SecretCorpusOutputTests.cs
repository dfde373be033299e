using System.Globalization;
using System.Text;
using System.Text.Json;
using GoWatch.Cli.Tests.Support;
using GoWatch.Platform.Tests.Support;

namespace GoWatch.Cli.Tests;

/// <summary>
/// Every format of the masker's corpus, recorded as an edit of ~/.zshrc, printed through every
/// command that shows recorded text, for people and as JSON: no line of any secret comes out.
/// </summary>
public sealed class SecretCorpusOutputTests : IDisposable
{
    private readonly CliScenario _s = new();

    public void Dispose() => _s.Dispose();

    public static TheoryData<SecretFormats.Format> Formats() => new(SecretFormats.All);

    private static readonly string[][] Commands =
    [
        ["history"], ["history", "--json"],
        ["show", "{pos}"], ["show", "{pos}", "--json"],
        ["diff", "{pos}"], ["diff", "{pos}", "--json"],
        ["revert", "{pos}", "--dry-run"],
    ];

    [Theory]
    [MemberData(nameof(Formats))]
    public void No_line_of_a_secret_reaches_any_output(SecretFormats.Format format)
    {
        _s.Edit(_s.Zshrc, "export PATH=$HOME/go/bin:$PATH\n");
        var pos = _s.Edit(_s.Zshrc, "export PATH=$HOME/go/bin:$PATH\n" + format.Text + "\n").ToString(CultureInfo.InvariantCulture);

        foreach (var command in Commands)
        {
            var result = _s.Run(command.Select(a => a.Replace("{pos}", pos, StringComparison.Ordinal)).ToArray());
            Assert.True(result.ExitCode == 0, $"{string.Join(' ', command)}: {result}");
            // JSON is read back, so a secret cannot hide behind an escape (\u0022, \n).
            var text = command.Contains("--json") ? Strings(result.Stdout) + result.Stderr : result.All;
            foreach (var line in format.Secrets.SelectMany(s => s.Split('\n')))
            {
                Assert.False(text.Contains(line, StringComparison.Ordinal), $"'{line}' reached gowatch {string.Join(' ', command)}:\n{text}");
            }
        }
    }

    /// <summary>Every string in a JSON document, unescaped, one per line.</summary>
    private static string Strings(string json)
    {
        var all = new StringBuilder();
        void Walk(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String:
                    all.AppendLine(e.GetString());
                    break;
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject())
                    {
                        all.AppendLine(p.Name);
                        Walk(p.Value);
                    }
                    break;
                case JsonValueKind.Array:
                    foreach (var item in e.EnumerateArray())
                    {
                        Walk(item);
                    }
                    break;
            }
        }
        using var doc = JsonDocument.Parse(json);
        Walk(doc.RootElement);
        return all.ToString();
    }
}

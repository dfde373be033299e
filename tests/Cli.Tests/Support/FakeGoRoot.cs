using System.Text.Json;

namespace GoWatch.Cli.Tests.Support;

/// <summary>
/// A Go root whose <c>bin/go</c> is a shell script answering <c>go env -json</c> and <c>go version</c>
/// as a Go release this machine does not have would (its <c>VERSION</c> file too): for toolchain
/// situations Debian's Go cannot show.
/// </summary>
public static class FakeGoRoot
{
    /// <summary>Writes the root at <paramref name="root"/> and returns its bin directory.</summary>
    public static string Create(string root, string version, IReadOnlyDictionary<string, string>? env = null)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["GOROOT"] = root,
            ["GOVERSION"] = version,
            ["GOHOSTARCH"] = "amd64",
            ["GOARCH"] = "amd64",
            ["GOOS"] = "linux",
            ["GOHOSTOS"] = "linux",
            ["CGO_ENABLED"] = "0",
            ["GOTOOLCHAIN"] = "auto",
        };
        foreach (var (name, value) in env ?? new Dictionary<string, string>())
        {
            answers[name] = value;
        }
        var json = JsonSerializer.Serialize(answers).Replace("'", "'\\''", StringComparison.Ordinal);
        var bin = Path.Combine(root, "bin");
        Directory.CreateDirectory(bin);
        var go = Path.Combine(bin, "go");
        Executables.Write(go, $"""
            #!/bin/sh
            if [ "$1" = env ]; then printf '%s\n' '{json}'; exit 0; fi
            if [ "$1" = version ]; then echo 'go version {version} linux/amd64'; exit 0; fi
            exit 2

            """);
        File.WriteAllText(Path.Combine(root, "VERSION"), version + "\ntime 2024-06-04T20:54:40Z\n");
        return bin;
    }
}

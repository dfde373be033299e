using System.Globalization;
using System.Text;

namespace GoWatch.Cli.Tests.Support;

/// <summary>
/// A directory of recording <c>launchctl</c> / <c>systemctl</c> shims to put first on PATH: each
/// appends its argv (NUL-separated) to a log and answers with a canned exit code and output.
/// </summary>
public sealed class ShimDirectory : IDisposable
{
    public ShimDirectory()
    {
        Root = Directory.CreateTempSubdirectory("gowatch-shims-").FullName;
        Directory.CreateDirectory(BinDir);
    }

    public string Root { get; }
    public string BinDir => Path.Combine(Root, "bin");
    private string LogPath => Path.Combine(Root, "calls.log");

    /// <summary>Adds a shim that logs its call and exits with <paramref name="exitCode"/>, printing <paramref name="stdout"/> and <paramref name="stderr"/>.</summary>
    public ShimDirectory Add(string tool, int exitCode = 0, string stdout = "", string stderr = "")
    {
        File.WriteAllText(Path.Combine(Root, tool + ".out"), stdout);
        File.WriteAllText(Path.Combine(Root, tool + ".err"), stderr);
        var script = new StringBuilder()
            .Append("#!/bin/sh\n")
            .Append("{ printf '%s\\0%s\\0' ").Append(Quote(tool)).Append(" \"$#\"; for a in \"$@\"; do printf '%s\\0' \"$a\"; done; } >> ").Append(Quote(LogPath)).Append('\n')
            .Append("cat ").Append(Quote(Path.Combine(Root, tool + ".out"))).Append('\n')
            .Append("cat ").Append(Quote(Path.Combine(Root, tool + ".err"))).Append(" >&2\n")
            .Append("exit ").Append(exitCode.ToString(CultureInfo.InvariantCulture)).Append('\n');
        var path = Path.Combine(BinDir, tool);
        Executables.Write(path, script.ToString());
        return this;
    }

    /// <summary>Every call so far: the tool and its arguments.</summary>
    public IReadOnlyList<(string Tool, string[] Args)> Calls()
    {
        if (!File.Exists(LogPath))
        {
            return [];
        }
        var tokens = File.ReadAllText(LogPath).Split('\0');
        var calls = new List<(string, string[])>();
        for (var i = 0; i + 1 < tokens.Length;)
        {
            var count = int.Parse(tokens[i + 1], CultureInfo.InvariantCulture);
            calls.Add((tokens[i], tokens.Skip(i + 2).Take(count).ToArray()));
            i += 2 + count;
        }
        return calls;
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

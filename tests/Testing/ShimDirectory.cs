using System.Globalization;
using System.Text;
using GoWatch.Platform.Service;

namespace GoWatch.Testing;

/// <summary>
/// A directory of recording shims: executable sh scripts named like the real tools
/// (<c>launchctl</c>, <c>systemctl</c>, <c>osascript</c>, <c>xdg-open</c> …) that append their argv
/// (NUL-separated, so newlines in arguments survive) to a log and print canned output. Find them
/// through <see cref="Locator"/>, which sees this directory alone, or put <see cref="BinDir"/>
/// first on PATH for a child process.
/// </summary>
public sealed class ShimDirectory : IDisposable
{
    public ShimDirectory()
    {
        Root = Directory.CreateTempSubdirectory("gowatch-shims-").FullName;
        Directory.CreateDirectory(BinDir);
        Directory.CreateDirectory(StateDir);
    }

    public string Root { get; }
    public string BinDir => Path.Combine(Root, "bin");
    private string StateDir => Path.Combine(Root, "state");
    private string LogPath => Path.Combine(StateDir, "calls.log");

    /// <summary>A locator that sees only the shims, so the real tools on this machine are never reached.</summary>
    public ToolLocator Locator => new([BinDir]);

    /// <summary>Adds a shim that answers every call alike: prints <paramref name="stdout"/> and <paramref name="stderr"/> and exits with <paramref name="exitCode"/>.</summary>
    public ShimDirectory Add(string tool, int exitCode = 0, string stdout = "", string stderr = "") =>
        Add(tool, ShimRule.Any(new ShimResponse(exitCode, stdout, stderr)));

    /// <summary>Adds a shim answering by <paramref name="rules"/>, the first that matches; calls that match no rule print nothing and exit 0.</summary>
    public ShimDirectory Add(string tool, params ShimRule[] rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var script = new StringBuilder()
            .Append("#!/bin/sh\n")
            .Append("state=").Append(Quote(StateDir)).Append('\n')
            .Append("{ printf '%s\\0%s\\0' ").Append(Quote(tool)).Append(" \"$#\"; for a in \"$@\"; do printf '%s\\0' \"$a\"; done; } >> \"$state/calls.log\"\n")
            .Append("has() { t=\"$1\"; shift; for a in \"$@\"; do [ \"$a\" = \"$t\" ] && return 0; done; return 1; }\n")
            .Append("r=''\n");
        for (var i = 0; i < rules.Length; i++)
        {
            var id = $"{tool}.{i}";
            var test = rules[i].Token is { } token ? "has " + Quote(token) + " \"$@\"" : "true";
            script.Append(i == 0 ? "if " : "elif ").Append(test).Append("; then r=").Append(Quote(id)).Append('\n');
            for (var k = 0; k < rules[i].Responses.Length; k++)
            {
                var response = rules[i].Responses[k];
                var prefix = Path.Combine(StateDir, $"{id}.{k + 1}");
                File.WriteAllText(prefix + ".out", response.Stdout);
                File.WriteAllText(prefix + ".err", response.Stderr);
                File.WriteAllText(prefix + ".code", response.ExitCode.ToString(CultureInfo.InvariantCulture));
                File.WriteAllText(prefix + ".sleep", response.SleepSeconds.ToString(CultureInfo.InvariantCulture));
            }
            File.WriteAllText(Path.Combine(StateDir, id + ".max"), rules[i].Responses.Length.ToString(CultureInfo.InvariantCulture));
        }
        if (rules.Length > 0)
        {
            script.Append("fi\n");
        }
        script.Append("""
            [ -n "$r" ] || exit 0
            n=$(cat "$state/$r.n" 2>/dev/null || echo 0); n=$((n + 1)); echo "$n" > "$state/$r.n"
            k=$n; max=$(cat "$state/$r.max"); [ "$k" -gt "$max" ] && k=$max
            s=$(cat "$state/$r.$k.sleep"); [ "$s" -gt 0 ] && sleep "$s"
            cat "$state/$r.$k.out"; cat "$state/$r.$k.err" >&2
            exit "$(cat "$state/$r.$k.code")"

            """);

        // Written by a child process: a shim this process had open for writing could not be run (ETXTBSY).
        Executables.Write(Path.Combine(BinDir, tool), script.ToString());
        return this;
    }

    /// <summary>Every call received so far, in order.</summary>
    public IReadOnlyList<RecordedCall> Calls()
    {
        if (!File.Exists(LogPath))
        {
            return [];
        }
        var tokens = File.ReadAllText(LogPath).Split('\0');
        var calls = new List<RecordedCall>();
        var i = 0;
        while (i + 1 < tokens.Length)
        {
            var tool = tokens[i];
            var count = int.Parse(tokens[i + 1], CultureInfo.InvariantCulture);
            calls.Add(new RecordedCall(tool, tokens.Skip(i + 2).Take(count).ToArray()));
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
            // Best effort: a shim still being killed may hold a file for a moment.
        }
    }
}

using System.Text;
using GoWatch.Platform.Service;

namespace GoWatch.Platform.Tests.Support;

/// <summary>
/// A directory of recording shims: executable sh scripts named like the real tools that append
/// their argv (NUL-separated, so newlines in arguments survive) to a log and print canned output.
/// Tests find them through a <see cref="ToolLocator"/> over this directory alone, so the real
/// tools on this machine are never reached and PATH is never changed.
/// </summary>
public sealed class ShimDirectory : IDisposable
{
    private readonly TempDirectory _root = new("-shims");

    public ShimDirectory()
    {
        Directory.CreateDirectory(BinDir);
        Directory.CreateDirectory(StateDir);
    }

    public string BinDir => _root.Combine("bin");
    private string StateDir => _root.Combine("state");
    private string LogPath => System.IO.Path.Combine(StateDir, "calls.log");

    /// <summary>A locator that sees only the shims.</summary>
    public ToolLocator Locator => new([BinDir]);

    /// <summary>Adds a shim; calls that match no rule print nothing and exit 0.</summary>
    public ShimDirectory Add(string tool, params ShimRule[] rules)
    {
        var script = new StringBuilder()
            .Append("#!/bin/sh\n")
            .Append("state=").Append(Quote(StateDir)).Append('\n')
            .Append("{ printf '%s\\0%s\\0' ").Append(Quote(tool)).Append(" \"$#\"; for a in \"$@\"; do printf '%s\\0' \"$a\"; done; } >> \"$state/calls.log\"\n")
            .Append("has() { t=\"$1\"; shift; for a in \"$@\"; do [ \"$a\" = \"$t\" ] && return 0; done; return 1; }\n")
            .Append("r=''\n");
        for (var i = 0; i < rules.Length; i++)
        {
            var id = $"{tool}.{i}";
            script.Append(i == 0 ? "if" : "elif").Append(" has ").Append(Quote(rules[i].Token)).Append(" \"$@\"; then r=").Append(Quote(id)).Append('\n');
            for (var k = 0; k < rules[i].Responses.Length; k++)
            {
                var response = rules[i].Responses[k];
                var prefix = System.IO.Path.Combine(StateDir, $"{id}.{k + 1}");
                File.WriteAllText(prefix + ".out", response.Stdout);
                File.WriteAllText(prefix + ".err", response.Stderr);
                File.WriteAllText(prefix + ".code", response.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
                File.WriteAllText(prefix + ".sleep", response.SleepSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            File.WriteAllText(System.IO.Path.Combine(StateDir, id + ".max"), rules[i].Responses.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
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

        var path = System.IO.Path.Combine(BinDir, tool);
        Executables.Write(path, script.ToString());
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
            var count = int.Parse(tokens[i + 1], System.Globalization.CultureInfo.InvariantCulture);
            calls.Add(new RecordedCall(tool, tokens.Skip(i + 2).Take(count).ToArray()));
            i += 2 + count;
        }
        return calls;
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    public void Dispose() => _root.Dispose();
}

using System.Text;

namespace GoWatch.Checks.Tests.Support;

/// <summary>
/// A directory holding one fake <c>systemctl</c> or <c>launchctl</c>: a shell script that prints
/// a canned answer (per first non-option argument for launchctl's <c>getenv NAME</c>) and exits
/// with a canned code, standing in for a desktop session this machine does not have.
/// </summary>
public sealed class FakeSessionTool : IDisposable
{
    private FakeSessionTool(string tool, string script)
    {
        Root = Directory.CreateTempSubdirectory("gowatch-session-").FullName;
        var path = Path.Combine(Root, tool);
        Executables.Write(path, script);
    }

    public string Root { get; }

    /// <summary>A <c>systemctl</c> that prints <paramref name="stdout"/> and exits with <paramref name="exit"/>.</summary>
    public static FakeSessionTool Systemctl(string stdout, int exit = 0, string stderr = "") =>
        new("systemctl", $"#!/bin/sh\nprintf '%s' {Scenario.Sh(stdout)}\nprintf '%s\\n' {Scenario.Sh(stderr)} >&2\nexit {exit}\n");

    /// <summary>A <c>launchctl</c> whose <c>getenv NAME</c> prints the value set here, and nothing for other names.</summary>
    public static FakeSessionTool Launchctl(IReadOnlyDictionary<string, string> session)
    {
        var script = new StringBuilder("#!/bin/sh\n[ \"$1\" = getenv ] || exit 64\ncase \"$2\" in\n");
        foreach (var (name, value) in session)
        {
            script.Append(name).Append(") printf '%s\\n' ").Append(Scenario.Sh(value)).Append(" ;;\n");
        }
        script.Append("esac\nexit 0\n");
        return new FakeSessionTool("launchctl", script.ToString());
    }

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

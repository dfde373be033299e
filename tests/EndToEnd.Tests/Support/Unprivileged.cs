using System.Diagnostics;

namespace GoWatch.EndToEnd.Tests.Support;

/// <summary>Runs things as another user (root's file-permission bypass hides what a normal user hits).</summary>
public static partial class Unprivileged
{
    public const int Nobody = 65534;

    public static bool IsRoot => Environment.UserName == "root" || GetEuid() == 0;

    public static bool CanSwitchUser => IsRoot && File.Exists("/usr/bin/setpriv");

    /// <summary>The argv prefix that runs what follows as <paramref name="uid"/> with no supplementary groups.</summary>
    public static string[] Prefix(int uid) => ["/usr/bin/setpriv", $"--reuid={uid}", $"--regid={uid}", "--clear-groups", "--"];

    public static void Chown(string path, int uid)
    {
        var run = Run(["/bin/chown", "-R", $"{uid}:{uid}", path]);
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    public static CliResult Run(IReadOnlyList<string> argv, IDictionary<string, string>? env = null, TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo(argv[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in argv.Skip(1))
        {
            psi.ArgumentList.Add(a);
        }
        if (env is not null)
        {
            psi.Environment.Clear();
            foreach (var (k, v) in env)
            {
                psi.Environment[k] = v;
            }
        }
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout ?? TimeSpan.FromSeconds(60)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException(string.Join(' ', argv) + " did not finish");
        }
        return new CliResult(p.ExitCode, stdout.Result, stderr.Result);
    }

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEuid();
}

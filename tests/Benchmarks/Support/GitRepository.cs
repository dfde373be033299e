using System.Diagnostics;
using System.Text;

namespace GoWatch.Benchmarks.Support;

/// <summary>
/// Git as the yardstick some bars are judged beside: a repository of one file's revisions made
/// with <c>git fast-import</c> (one commit per revision, seconds for a thousand), and git run
/// with no system or user configuration so the machine's settings do not move the figures.
/// </summary>
public static class GitRepository
{
    /// <summary>A repository at <paramref name="repo"/> whose branch main commits each revision of <paramref name="fileName"/> in turn.</summary>
    public static void Create(string repo, IReadOnlyList<byte[]> revisions, string fileName = ".zshrc")
    {
        Directory.CreateDirectory(repo);
        Git(repo, null, "init", "-q", "--template=", "-b", "main");
        using var stream = new MemoryStream();
        var ascii = Encoding.ASCII;
        var time = 1_700_000_000L;
        for (var i = 0; i < revisions.Count; i++)
        {
            stream.Write(ascii.GetBytes($"blob\nmark :{2 * i + 1}\ndata {revisions[i].Length}\n"));
            stream.Write(revisions[i]);
            var message = $"revision {i}\n";
            stream.Write(ascii.GetBytes($"\ncommit refs/heads/main\nmark :{2 * i + 2}\ncommitter Bench <bench@example.invalid> {time + 60 * i} +0000\ndata {message.Length}\n{message}"));
            if (i > 0)
            {
                stream.Write(ascii.GetBytes($"from :{2 * i}\n"));
            }
            stream.Write(ascii.GetBytes($"M 100644 :{2 * i + 1} {fileName}\n\n"));
        }
        // No checkout: git log reads the commits alone, and P6 weighs .git as fast-import left it.
        Git(repo, stream.ToArray(), "fast-import", "--quiet");
    }

    /// <summary>
    /// The anchor QUALITY.md names beside the start-up bars: <c>git log -n 50</c> over a
    /// 1,000-commit repository as a new process, timed the way the bars time gowatch.
    /// </summary>
    public static List<double> TimeLog(string repo, int runs)
    {
        var git = Launcher.AppHost("git", "git");
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
            ["HOME"] = Path.GetDirectoryName(repo)!,
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_CONFIG_GLOBAL"] = "/dev/null",
            ["GIT_PAGER"] = "cat",
        };
        ProcessRun Once()
        {
            var psi = git.StartInfo(["log", "-n", "50"], environment, repo);
            var run = ProcessRun.Run(psi, TimeSpan.FromMinutes(1));
            return run.ExitCode == 0 && run.Stdout.Length > 0 ? run : throw new InvalidOperationException($"git log failed: {run}");
        }
        _ = Once();
        return Enumerable.Range(0, runs).Select(_ => Once().WallMs).ToList();
    }

    /// <summary>The anchor's figure for a bar's table: a fresh 1,000-commit repository under <paramref name="parent"/>, timed <paramref name="runs"/> times.</summary>
    public static string Anchor(string parent, int runs)
    {
        var times = TimeLog(CreateAnchor(parent), runs);
        return $"median {Stats.Ms(Stats.Median(times))}, max {Stats.Ms(Stats.Max(times))} (n={times.Count})";
    }

    /// <summary>A 1,000-commit repository of a generated rc file, for <see cref="TimeLog"/>.</summary>
    public static string CreateAnchor(string parent, int commits = 1000)
    {
        var random = new Random(4);
        var revisions = new List<byte[]> { Encoding.UTF8.GetBytes(RcFiles.Generate(random, 4096)) };
        while (revisions.Count < commits)
        {
            revisions.Add(Encoding.UTF8.GetBytes(RcFiles.Edit(random, Encoding.UTF8.GetString(revisions[^1]))));
        }
        var repo = Path.Combine(parent, "git-anchor");
        Create(repo, revisions);
        return repo;
    }

    public static string Git(string repo, byte[]? input, params string[] args)
    {
        var psi = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = repo,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        Quiet(psi);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            process.StandardInput.BaseStream.Write(input);
        }
        process.StandardInput.Close();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', args)} failed ({process.ExitCode}): {stderr.Result}");
        }
        return stdout.Result;
    }

    private static void Quiet(ProcessStartInfo psi)
    {
        psi.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        psi.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        psi.Environment["GIT_PAGER"] = "cat";
    }
}

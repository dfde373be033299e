namespace GoWatch.EndToEnd.Tests.Support;

/// <summary>A small tmpfs mounted over a directory (root only): a data dir that can fill up or turn read-only for real.</summary>
public sealed class TmpfsMount : IDisposable
{
    private TmpfsMount(string path) => Path = path;

    public string Path { get; }

    public static TmpfsMount Create(string path, string size)
    {
        var r = Unprivileged.Run(["/usr/bin/mount", "-t", "tmpfs", "-o", $"size={size},mode=0700", "tmpfs", path]);
        Assert.True(r.ExitCode == 0, "mount failed: " + r);
        return new TmpfsMount(path);
    }

    public void Remount(string options)
    {
        var r = Unprivileged.Run(["/usr/bin/mount", "-o", "remount," + options, Path]);
        Assert.True(r.ExitCode == 0, "remount failed: " + r);
    }

    public void Dispose() => Unprivileged.Run(["/usr/bin/umount", "-l", Path]);
}

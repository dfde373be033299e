using System.Diagnostics;

namespace GoWatch.Recording.Tests;

/// <summary>What the observer makes of things that are not regular files in a watched file's place.</summary>
public sealed class FileObserverTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gowatch-observer-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_fifo_is_unreadable_with_the_reason_and_never_blocks()
    {
        var fifo = Path.Combine(_dir, ".zprofile");
        using (var mkfifo = Process.Start("/usr/bin/mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
        }

        var observe = Task.Run(() => FileObserver.Observe(fifo, 1024 * 1024));

        Assert.Same(observe, await Task.WhenAny(observe, Task.Delay(TimeSpan.FromSeconds(5))));
        Assert.Equal(new FileObservation.Unreadable("a FIFO, not a regular file"), await observe);
    }

    [Fact]
    public void A_symlink_to_dev_zero_is_unreadable_and_reads_nothing()
    {
        var link = Path.Combine(_dir, ".zshrc");
        File.CreateSymbolicLink(link, "/dev/zero");

        Assert.Equal(new FileObservation.Unreadable("a character device, not a regular file"), FileObserver.Observe(link, 1024 * 1024));
    }

    [Fact]
    public void A_file_over_the_cap_is_fingerprinted_only()
    {
        var big = Path.Combine(_dir, ".zshrc");
        File.WriteAllBytes(big, new byte[2048]);

        var observed = Assert.IsType<FileObservation.Present>(FileObserver.Observe(big, 1024));

        Assert.Null(observed.Content);
        Assert.Equal(2048, observed.Size);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(new byte[2048])), observed.Sha256);
    }
}

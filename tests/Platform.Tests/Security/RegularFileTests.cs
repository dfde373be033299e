using System.Diagnostics;
using System.Net.Sockets;
using GoWatch.Platform.Security;
using GoWatch.Platform.Tests.Support;

namespace GoWatch.Platform.Tests.Security;

/// <summary>Opening what a user put in a file's place: FIFOs, sockets and devices are refused at once, reads are capped.</summary>
public sealed class RegularFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    internal static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("/usr/bin/mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    [Fact]
    public async Task A_fifo_is_refused_without_blocking()
    {
        var fifo = _dir.Combine("fifo");
        MakeFifo(fifo);

        var open = Task.Run(() => Record.Exception(() => RegularFile.OpenRead(fifo)));

        Assert.Same(open, await Task.WhenAny(open, Task.Delay(TimeSpan.FromSeconds(5))));
        var ex = Assert.IsType<NotARegularFileException>(await open);
        Assert.Equal("a FIFO, not a regular file", ex.Message);
        Assert.Equal("a FIFO, not a regular file", RegularFile.WhyNotRegular(fifo));
    }

    [Fact]
    public void A_symlink_to_dev_zero_is_refused_as_a_device()
    {
        var link = _dir.Combine("zshrc");
        File.CreateSymbolicLink(link, "/dev/zero");

        var ex = Assert.Throws<NotARegularFileException>(() => RegularFile.ReadAllBytes(link, 1024));

        Assert.Equal("a character device, not a regular file", ex.Message);
    }

    [Fact]
    public void A_unix_socket_is_refused()
    {
        var path = _dir.Combine("sock");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));

        var ex = Assert.Throws<NotARegularFileException>(() => RegularFile.OpenRead(path));

        Assert.Equal("a socket, not a regular file", ex.Message);
    }

    [Fact]
    public void A_regular_file_is_read_up_to_the_cap_and_refused_past_it()
    {
        var path = _dir.Combine("file");
        File.WriteAllBytes(path, new byte[1000]);

        Assert.Equal(1000, RegularFile.ReadAllBytes(path, 1000)!.Length);
        Assert.Null(RegularFile.ReadAllBytes(path, 999));
        Assert.Null(RegularFile.WhyNotRegular(path));
        Assert.Throws<FileNotFoundException>(() => RegularFile.OpenRead(_dir.Combine("missing")));
    }
}

using System.Runtime.InteropServices;

namespace GoWatch.Cli.Terminal;

/// <summary>
/// Notices when the reader of stdout goes away (<c>gowatch follow | head -2</c>). .NET ignores
/// SIGPIPE and its console drops writes to a closed pipe, so a command that waits for events
/// would never learn of it; poll(2) on the pipe reports the hang-up at once.
/// </summary>
public static partial class ClosedOutput
{
    private const int StdoutFd = 1;
    private const short PollErr = 0x008;
    private const short PollHup = 0x010;
    private const short PollNval = 0x020;

    /// <summary>A token cancelled when stdout is a pipe or socket whose reader has closed it; never cancelled otherwise.</summary>
    public static CancellationToken Watch()
    {
        if (!Console.IsOutputRedirected || !OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return CancellationToken.None;
        }
        var closed = new CancellationTokenSource();
        var thread = new Thread(() =>
        {
            try
            {
                if (WaitForHangUp())
                {
                    closed.Cancel();
                }
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                // Without poll(2) a closed pipe is noticed at the next write only.
            }
        })
        {
            IsBackground = true,
            Name = "stdout hang-up watch",
        };
        thread.Start();
        return closed.Token;
    }

    /// <summary>Blocks until stdout reports an error or hang-up; false when it cannot be polled.</summary>
    private static bool WaitForHangUp()
    {
        while (true)
        {
            // No events asked for: poll still reports POLLERR/POLLHUP, which is all that matters.
            var fd = new PollFd { Fd = StdoutFd, Events = 0 };
            var ready = Poll(ref fd, 1, -1);
            if (ready < 0)
            {
                if (Marshal.GetLastPInvokeError() == 4 /* EINTR */)
                {
                    continue;
                }
                return false;
            }
            if ((fd.Revents & (PollErr | PollHup)) != 0)
            {
                return true;
            }
            if ((fd.Revents & PollNval) != 0)
            {
                return false;
            }
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static partial int Poll(ref PollFd fds, nuint count, int timeout);
}

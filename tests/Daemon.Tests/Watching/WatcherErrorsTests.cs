using GoWatch.Daemon.Watching;

namespace GoWatch.Daemon.Tests.Watching;

/// <summary>What a watcher's Error means, as .NET reports FSEvents' flags and inotify's overflow.</summary>
public sealed class WatcherErrorsTests
{
    private static IOException FsEvents(int flags) => new("Too many changes at once in directory:{0}.", flags);

    [Theory]
    [InlineData(0x01, WatcherErrorKind.EventsDropped)]
    [InlineData(0x02, WatcherErrorKind.EventsDropped)]
    [InlineData(0x04, WatcherErrorKind.EventsDropped)]
    [InlineData(0x40, WatcherErrorKind.EventsDropped)]
    [InlineData(0x80, WatcherErrorKind.EventsDropped)]
    [InlineData(0x20, WatcherErrorKind.RootChanged)]
    [InlineData(0x24, WatcherErrorKind.RootChanged)]
    public void FSEvents_rescan_flags_are_read_from_the_exception(int flags, WatcherErrorKind expected)
    {
        Assert.Equal(expected, WatcherErrors.Classify(FsEvents(flags), fsEvents: true));
    }

    [Fact]
    public void A_plain_IO_error_is_a_failed_watcher_even_though_its_HResult_has_the_RootChanged_bit()
    {
        // COR_E_IO is 0x80131620: a flag test alone would read it as RootChanged.
        Assert.Equal(WatcherErrorKind.Failed, WatcherErrors.Classify(new IOException("Failed to start the EventStream"), fsEvents: true));
    }

    [Fact]
    public void An_inotify_overflow_is_a_failed_watcher()
    {
        var overflow = new InternalBufferOverflowException("Too many changes at once in directory:/h.");

        Assert.Equal(WatcherErrorKind.Failed, WatcherErrors.Classify(overflow, fsEvents: false));
        Assert.StartsWith("event queue overflowed: ", WatcherErrors.Describe(overflow, fsEvents: false), StringComparison.Ordinal);
    }

    [Fact]
    public void Under_Linux_rules_the_FSEvents_shape_means_nothing_special()
    {
        Assert.Equal(WatcherErrorKind.Failed, WatcherErrors.Classify(FsEvents(0x04), fsEvents: false));
    }

    [Fact]
    public void The_description_names_the_flags()
    {
        Assert.Equal("FSEvents asked for a rescan (MustScanSubDirs, KernelDropped)", WatcherErrors.Describe(FsEvents(0x05), fsEvents: true));
    }
}

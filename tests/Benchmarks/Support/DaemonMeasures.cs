namespace GoWatch.Benchmarks.Support;

/// <summary>What the bars measure of a running gowatchd, read from /proc.</summary>
public static class DaemonMeasures
{
    extension(DaemonProcess daemon)
    {
        /// <summary>Resident set size now, in bytes.</summary>
        public long Rss => ProcFs.Rss(daemon.Pid);

        /// <summary>The highest resident set size so far (VmHWM), in bytes.</summary>
        public long PeakRss => ProcFs.PeakRss(daemon.Pid);

        /// <summary>User and system CPU time so far, in seconds.</summary>
        public double CpuSeconds => ProcFs.CpuSeconds(daemon.Pid);
    }
}

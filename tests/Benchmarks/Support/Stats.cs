namespace GoWatch.Benchmarks.Support;

/// <summary>Summary statistics over samples (milliseconds unless said otherwise).</summary>
public static class Stats
{
    /// <summary>The nearest-rank percentile: the smallest sample with at least p% of samples at or below it.</summary>
    public static double Percentile(IReadOnlyCollection<double> samples, double p)
    {
        if (samples.Count == 0)
        {
            return double.NaN;
        }
        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static double Median(IReadOnlyCollection<double> samples) => Percentile(samples, 50);

    public static double Max(IReadOnlyCollection<double> samples) => samples.Count == 0 ? double.NaN : samples.Max();

    public static double Min(IReadOnlyCollection<double> samples) => samples.Count == 0 ? double.NaN : samples.Min();

    public static string Ms(double value) => value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " ms";

    public static string Summary(IReadOnlyCollection<double> samples) =>
        $"p50 {Ms(Percentile(samples, 50))}, p99 {Ms(Percentile(samples, 99))}, min {Ms(Min(samples))}, max {Ms(Max(samples))} (n={samples.Count})";

    public static double ElapsedMs(long startTimestamp, long endTimestamp) =>
        (endTimestamp - startTimestamp) * 1000.0 / System.Diagnostics.Stopwatch.Frequency;

    public static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => (bytes / (double)(1L << 30)).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " GiB",
        >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " MiB",
        >= 1L << 10 => (bytes / 1024.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " KiB",
        _ => bytes + " B",
    };
}

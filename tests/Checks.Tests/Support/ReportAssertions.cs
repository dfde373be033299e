namespace GoWatch.Checks.Tests.Support;

/// <summary>Assertions that print the whole report when they fail.</summary>
public static class ReportAssertions
{
    public static Finding Fires(this VerificationReport report, string id)
    {
        var finding = report.Findings.FirstOrDefault(f => f.Id == id);
        Assert.True(finding is not null, $"expected {id} to fire; report:\n{Describe(report)}");
        return finding!;
    }

    public static void DoesNotFire(this VerificationReport report, string id) =>
        Assert.True(report.Findings.All(f => f.Id != id), $"expected {id} not to fire; report:\n{Describe(report)}");

    public static void Passes(this VerificationReport report, string id) =>
        Assert.True(report.Passed.Contains(id), $"expected {id} to pass; report:\n{Describe(report)}");

    public static void IsSkipped(this VerificationReport report, string id) =>
        Assert.True(report.Skipped.Any(s => s.Id == id), $"expected {id} to be skipped; report:\n{Describe(report)}");

    /// <summary>The report as plain text for failure messages.</summary>
    public static string Describe(VerificationReport report) =>
        string.Join("\n", report.Findings.Select(f => $"{f.Severity} {f.Id}: {f.Title} — {f.Detail}\n  " + string.Join("\n  ", f.Evidence) + $"\n  fix: {f.Fix}")
            .Append("passed: " + string.Join(", ", report.Passed))
            .Append("skipped: " + string.Join("; ", report.Skipped.Select(s => $"{s.Id} ({s.Reason})"))));
}

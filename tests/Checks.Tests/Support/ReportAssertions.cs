namespace GoWatch.Checks.Tests.Support;

/// <summary>Assertions that print the whole report when they fail.</summary>
public static class ReportAssertions
{
    public static Finding Fires(this VerificationReport report, string id)
    {
        var finding = report.Findings.FirstOrDefault(f => f.Id == id);
        Assert.True(finding is not null, $"expected {id} to fire; report:\n{Reporting.DoctorJson.Serialize(report)}");
        return finding!;
    }

    public static void DoesNotFire(this VerificationReport report, string id) =>
        Assert.True(report.Findings.All(f => f.Id != id), $"expected {id} not to fire; report:\n{Reporting.DoctorJson.Serialize(report)}");

    public static void Passes(this VerificationReport report, string id) =>
        Assert.True(report.Passed.Contains(id), $"expected {id} to pass; report:\n{Reporting.DoctorJson.Serialize(report)}");
}

using GoWatch.Checks.Catalogue;
using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Tests.Support;

/// <summary>Runs one check over hand-built facts and asserts its outcome, printing the outcome when it is not the expected one.</summary>
public static class CheckRun
{
    public static CheckOutcome Run(this MachineFacts facts, string id) =>
        (CheckCatalogue.Find(id) ?? throw new ArgumentException($"no check {id}")).Evaluate(facts);

    public static Finding Fails(this MachineFacts facts, string id)
    {
        var outcome = facts.Run(id);
        Assert.True(outcome.Finding is not null, $"expected {id} to fail; it {Describe(outcome)}");
        Assert.Equal(id, outcome.Finding!.Id);
        return outcome.Finding;
    }

    public static void Passes(this MachineFacts facts, string id)
    {
        var outcome = facts.Run(id);
        Assert.True(outcome.Passed, $"expected {id} to pass; it {Describe(outcome)}");
    }

    public static string Skips(this MachineFacts facts, string id)
    {
        var outcome = facts.Run(id);
        Assert.True(outcome.SkipReason is not null, $"expected {id} to be skipped; it {Describe(outcome)}");
        return outcome.SkipReason!;
    }

    private static string Describe(CheckOutcome outcome) =>
        outcome.Finding is { } f ? $"failed: {f.Title} — {f.Detail} [{string.Join("; ", f.Evidence)}]"
        : outcome.SkipReason is { } r ? $"was skipped: {r}"
        : "passed";
}

using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Catalogue;

/// <summary>One check of SPEC §5: a pure function from facts to an outcome.</summary>
public interface ICheck
{
    /// <summary>The contract id, e.g. <c>path.broken</c>.</summary>
    string Id { get; }

    /// <summary>The severity of its finding.</summary>
    Severity Severity { get; }

    /// <summary>The area the human report groups it under.</summary>
    CheckArea Area { get; }

    /// <summary>Evaluates the check. Never throws for odd facts; skips when the facts it needs are missing.</summary>
    CheckOutcome Evaluate(MachineFacts facts);
}

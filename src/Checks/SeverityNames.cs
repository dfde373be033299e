namespace GoWatch.Checks;

/// <summary>The stable wire names of <see cref="Severity"/> (SPEC §6 JSON, stored events).</summary>
public static class SeverityNames
{
    /// <summary><c>error</c>, <c>warning</c> or <c>info</c>.</summary>
    public static string ToWireName(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };
}

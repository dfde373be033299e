namespace GoWatch.Testing;

/// <summary>One call a shim received: its name and its argv after argv[0], exactly.</summary>
public sealed record RecordedCall(string Tool, IReadOnlyList<string> Arguments)
{
    public override string ToString() => Tool + " " + string.Join(" ", Arguments.Select(a => "[" + a + "]"));
}

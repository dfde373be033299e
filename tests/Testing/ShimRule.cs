namespace GoWatch.Testing;

/// <summary>
/// A canned answer for calls whose argv contains <paramref name="Token"/> (e.g. <c>bootstrap</c>),
/// or for every call when it is null: the n-th matching call gets the n-th response, and the last
/// one repeats.
/// </summary>
public sealed record ShimRule(string? Token, params ShimResponse[] Responses)
{
    /// <summary>A rule every call matches; put it last, after the rules for particular tokens.</summary>
    public static ShimRule Any(params ShimResponse[] responses) => new(null, responses);
}

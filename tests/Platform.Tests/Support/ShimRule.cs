namespace GoWatch.Platform.Tests.Support;

/// <summary>
/// A canned answer for calls whose argv contains <paramref name="Token"/> (e.g. <c>bootstrap</c>):
/// the n-th matching call gets the n-th response, and the last one repeats.
/// </summary>
public sealed record ShimRule(string Token, params ShimResponse[] Responses);

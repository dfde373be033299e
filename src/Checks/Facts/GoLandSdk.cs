namespace GoWatch.Checks.Facts;

/// <summary>A Go SDK registered in GoLand's <c>go.sdk.xml</c>, and the first line of its <c>VERSION</c> file when it has one.</summary>
public sealed record GoLandSdk(string Home, Evidence Evidence, string? Version = null);

namespace GoWatch.Checks.Facts;

/// <summary>A Go SDK registered in GoLand's <c>go.sdk.xml</c>.</summary>
public sealed record GoLandSdk(string Home, Evidence Evidence);

namespace GoWatch.Checks;

/// <summary>The <c>host</c> object of <c>doctor --json</c>.</summary>
public sealed record HostInfo(string Platform, string Arch, string? Shell);

namespace GoWatch.Checks.Facts;

/// <summary>
/// The environment an app started from the Dock or the desktop (GoLand) inherits: what
/// <c>launchctl setenv</c> put into the launchd session on macOS, or the systemd user manager's
/// environment on Linux. It is not the login shell's: nothing in ~/.zshrc reaches it.
/// </summary>
public sealed record DesktopSessionFacts
{
    /// <summary>Where the values were read, e.g. <c>launchctl getenv</c>; null when not read.</summary>
    public string? Source { get; init; }

    /// <summary>Why the session could not be read (no systemd, no user bus, not asked), or null when it was.</summary>
    public string? SkipReason { get; init; }

    /// <summary>The variables the session sets (only those GoWatch asked about on macOS).</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>True when the session's environment was read.</summary>
    public bool WasRead => SkipReason is null;

    /// <summary>A variable the session sets, or null.</summary>
    public string? Get(string name) => Variables.TryGetValue(name, out var value) ? value : null;

    /// <summary>Facts for a session that was not read, with the reason.</summary>
    public static DesktopSessionFacts NotRead(string reason) => new() { SkipReason = reason };

    /// <summary>The default until a probe has looked.</summary>
    public static DesktopSessionFacts NotProbed { get; } = NotRead("the desktop session was not looked at");
}

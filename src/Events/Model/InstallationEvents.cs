namespace GoWatch.Events.Model;

/// <summary>What GoWatch knows about a Go installation or Homebrew prefix without reading its tree.</summary>
public sealed record InstallationFingerprint(bool Exists, string? Kind, string? SymlinkTarget, string? Version, string? Arch, string? GoBinarySha256)
{
    /// <summary>Nothing at the path.</summary>
    public static InstallationFingerprint Absent { get; } = new(false, null, null, null, null, null);
}

/// <summary>A Go installation or Homebrew prefix changed.</summary>
[EventType("InstallationChanged")]
public sealed record InstallationChanged(string Path, InstallationFingerprint? Before, InstallationFingerprint After) : IEvent;

/// <summary>The first sighting of an installation that already existed: a baseline, never a change.</summary>
[EventType("InstallationObserved")]
public sealed record InstallationObserved(string Path, InstallationFingerprint Fingerprint) : IEvent;

namespace GoWatch.Recording.Reporting;

/// <summary>What happened to a Go installation or Homebrew prefix at one moment.</summary>
public enum InstallationChange
{
    /// <summary>First sighting of one that already existed (a baseline).</summary>
    Observed,
    Appeared,
    Disappeared,
    Changed,
}

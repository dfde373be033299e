namespace GoWatch.Platform;

/// <summary>The rule set GoWatch applies: where things live and how services and notifications work.</summary>
public enum PlatformKind
{
    MacOS,
    Linux,
}

namespace GoWatch.Platform.Service;

/// <summary>The verbs of <c>gowatch service</c>.</summary>
public enum ServiceAction
{
    Install,
    Uninstall,
    Status,
}

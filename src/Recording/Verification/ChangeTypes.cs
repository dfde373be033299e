namespace GoWatch.Recording.Verification;

/// <summary>Event types that change the machine and can therefore be blamed for a break.</summary>
public static class ChangeTypes
{
    public static readonly IReadOnlyList<string> All = ["FileCreated", "FileChanged", "FileDeleted", "FileReverted", "FileUnreadable", "InstallationChanged"];
}

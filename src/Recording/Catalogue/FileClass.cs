namespace GoWatch.Recording.Catalogue;

/// <summary>The classes of SPEC §3, as stored in file events.</summary>
public static class FileClass
{
    public const string ShellStartup = "shell-startup";
    public const string SystemShell = "system-shell";
    public const string GoEnv = "go-env";
    public const string GoLand = "goland";
}

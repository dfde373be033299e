namespace GoWatch.Events;

/// <summary>Stream names of SPEC §4.</summary>
public static class Streams
{
    public const string Daemon = "daemon";
    public static string File(string absolutePath) => "file:" + absolutePath;
    public static string Install(string absolutePath) => "install:" + absolutePath;
    public static string Check(string checkId) => "check:" + checkId;
}

namespace GoWatch.Platform.Tests.Support;

/// <summary>Text built to break naive quoting in XML, systemd units, shells and AppleScript.</summary>
public static class Hostile
{
    /// <summary>A directory name with spaces, both quotes, &amp;, &lt;, &gt;, $ and %.</summary>
    public const string DirectoryName = "Go \"Watch\" & <logs> 'q' $HOME %h";

    /// <summary>A message that would run a command if it were ever spliced into AppleScript or a shell.</summary>
    public static string Message(string markerFile) =>
        $"broke \"PATH\" \\ it's\nline two\n\"; do shell script \"touch {markerFile}\"\n$(touch {markerFile}) `touch {markerFile}`";
}

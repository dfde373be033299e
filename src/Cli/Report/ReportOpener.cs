using System.ComponentModel;
using System.Diagnostics;
using GoWatch.Platform;
using GoWatch.Platform.Service;

namespace GoWatch.Cli.Report;

/// <summary>
/// Opens the written page in the user's browser: <c>open</c> on macOS, <c>xdg-open</c> elsewhere,
/// started with an argv array and not waited for (the browser outlives this command).
/// </summary>
public sealed class ReportOpener(ToolLocator tools)
{
    public static string ToolFor(PlatformKind platform) => platform == PlatformKind.MacOS ? "open" : "xdg-open";

    /// <summary>Null when the page was handed over, else one sentence saying why not.</summary>
    public string? Open(string file, PlatformKind platform)
    {
        var tool = ToolFor(platform);
        if (tools.Find(tool) is not { } path)
        {
            return $"cannot open it: '{tool}' is not on PATH; open {file} in a browser yourself.";
        }
        var psi = new ProcessStartInfo(path) { UseShellExecute = false, RedirectStandardInput = false, RedirectStandardOutput = false, RedirectStandardError = false };
        psi.ArgumentList.Add(file);
        try
        {
            using var process = Process.Start(psi);
            return process is null ? $"cannot open it: '{path}' did not start." : null;
        }
        catch (Exception ex) when (ex is Win32Exception or IOException or UnauthorizedAccessException)
        {
            return $"cannot open it: {tool} failed to start ({ex.Message}).";
        }
    }
}

using GoWatch.Cli.Tests.Support;
using GoWatch.Platform.Service;

namespace GoWatch.Cli.Tests.Report.Support;

/// <summary>Headless Chromium, as a person's browser would render a page: its DOM and a screenshot.</summary>
public static class Chromium
{
    /// <summary>The installed browser, or null (Debian: <c>apt-get install chromium</c>).</summary>
    public static string? Path { get; } = ToolLocator.FromEnvironment() is var tools ? tools.Find("chromium") ?? tools.Find("chromium-browser") ?? tools.Find("google-chrome") : null;

    public const string Missing = "chromium is not installed (Debian: apt-get install chromium; .ci/run installs it)";

    public static string DumpDom(string page) => Run(page, ["--dump-dom"]).Stdout;

    public static void Screenshot(string page, string png, int width = 1200, int height = 1600, bool dark = false)
    {
        var args = new List<string> { $"--screenshot={png}", $"--window-size={width},{height}", "--hide-scrollbars" };
        if (dark)
        {
            args.Add("--blink-settings=preferredColorScheme=0");
        }
        var result = Run(page, args);
        if (!File.Exists(png))
        {
            throw new InvalidOperationException($"chromium made no screenshot:\n{result}");
        }
    }

    private static CliResult Run(string page, IEnumerable<string> args)
    {
        var profile = Directory.CreateTempSubdirectory("gowatch-chromium-").FullName;
        try
        {
            var result = Processes.Run(Path ?? throw new InvalidOperationException(Missing),
                ["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-extensions", $"--user-data-dir={profile}", .. args, new Uri(page).AbsoluteUri],
                TimeSpan.FromSeconds(90));
            return result.ExitCode == 0 ? result : throw new InvalidOperationException($"chromium failed:\n{result}");
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}

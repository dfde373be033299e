namespace GoWatch.Cli.Tests.Report.Support;

/// <summary>A fact that needs a real browser; skipped, saying why, only where Chromium is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null)
        {
            Skip = Chromium.Missing;
        }
    }
}

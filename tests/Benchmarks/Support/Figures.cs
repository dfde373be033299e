namespace GoWatch.Benchmarks.Support;

public enum Verdict
{
    /// <summary>Within the bar's target.</summary>
    Pass,
    /// <summary>Outside the bar's target.</summary>
    Miss,
    /// <summary>A figure reported beside the bar (a floor, a breakdown) that has no target of its own.</summary>
    Info,
    /// <summary>Could not be measured (the command does not exist yet, a tool is missing).</summary>
    Skipped,
}

/// <summary>One measured figure, printed as one line labelled with its bar id.</summary>
public sealed record Figure(string Bar, string What, string Measured, string Target, Verdict Verdict)
{
    public override string ToString()
    {
        var target = string.IsNullOrEmpty(Target) ? "" : $"  (target {Target})";
        var verdict = Verdict switch
        {
            Verdict.Pass => "  PASS",
            Verdict.Miss => "  MISS",
            Verdict.Skipped => "  SKIPPED",
            _ => "",
        };
        return $"{Bar} {What}: {Measured}{target}{verdict}";
    }
}

/// <summary>What one bar's benchmark measured, with the parameters it actually ran with.</summary>
public sealed class BarResult(string id, string title, string target)
{
    public string Id { get; } = id;
    public string Title { get; } = title;
    public string Target { get; } = target;
    public List<Figure> Figures { get; } = [];
    public List<string> Notes { get; } = [];
    public string Parameters { get; set; } = "";
    public TimeSpan Duration { get; set; }
    public Exception? Failure { get; set; }

    /// <summary>Pass when every judged figure passes; miss when one misses; skipped when nothing was judged.</summary>
    public Verdict Verdict =>
        Failure is not null ? Verdict.Miss
        : Figures.Any(f => f.Verdict == Verdict.Miss) ? Verdict.Miss
        : Figures.Any(f => f.Verdict == Verdict.Pass) ? Verdict.Pass
        : Verdict.Skipped;

    public Figure Add(string what, string measured, string target = "", Verdict verdict = Verdict.Info)
    {
        var figure = new Figure(Id, what, measured, target, verdict);
        Figures.Add(figure);
        Console.WriteLine(figure);
        return figure;
    }

    /// <summary>A figure judged against an upper bound.</summary>
    public Figure AtMost(string what, double value, double limit, string unit, string format = "0.0") =>
        Add(what, $"{value.ToString(format, Inv)} {unit}", $"≤ {limit.ToString(format, Inv)} {unit}", value <= limit ? Verdict.Pass : Verdict.Miss);

    /// <summary>A figure judged against a lower bound.</summary>
    public Figure AtLeast(string what, double value, double limit, string unit, string format = "0") =>
        Add(what, $"{value.ToString(format, Inv)} {unit}", $"≥ {limit.ToString(format, Inv)} {unit}", value >= limit ? Verdict.Pass : Verdict.Miss);

    public void Note(string text)
    {
        Notes.Add(text);
        Console.WriteLine($"{Id}   note: {text}");
    }

    private static readonly IFormatProvider Inv = System.Globalization.CultureInfo.InvariantCulture;
}

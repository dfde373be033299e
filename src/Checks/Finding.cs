using GoWatch.Platform.Security;

namespace GoWatch.Checks;

/// <summary>
/// One problem a check found. A check reports at most one finding per run (several culprits
/// become several <see cref="Evidence"/> entries), so a check id is either failing or passing
/// and the daemon can follow its transitions.
/// </summary>
public sealed record Finding
{
    /// <summary>Creates a finding; detail and fix are masked like evidence.</summary>
    public Finding(string id, Severity severity, string title, string detail, IReadOnlyList<Evidence> evidence, string fix)
    {
        Id = id;
        Severity = severity;
        Title = title;
        Detail = SecretMasker.Mask(detail);
        Evidence = evidence;
        Fix = SecretMasker.Mask(fix);
    }

    /// <summary>The check id from SPEC §5, e.g. <c>path.broken</c>.</summary>
    public string Id { get; }

    /// <summary>How bad it is.</summary>
    public Severity Severity { get; }

    /// <summary>One line, shown in notifications.</summary>
    public string Title { get; }

    /// <summary>What was seen and why it matters.</summary>
    public string Detail { get; }

    /// <summary>Files, lines and observations that point at the cause.</summary>
    public IReadOnlyList<Evidence> Evidence { get; }

    /// <summary>A command or an edit the user can apply.</summary>
    public string Fix { get; }

    /// <summary>
    /// The variables whose provenance is the story of this finding (<c>GOROOT</c>, <c>go</c> for the
    /// go on PATH): <c>gowatch explain</c> with them shows every place that sets them. Empty when
    /// where a value comes from is not the point.
    /// </summary>
    public IReadOnlyList<string> Explain { get; init; } = [];
}

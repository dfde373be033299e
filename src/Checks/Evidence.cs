using GoWatch.Platform.Security;

namespace GoWatch.Checks;

/// <summary>
/// What points at the cause of a finding: a file, the line to blame when there is one, and
/// the text found there. The text always passes through <see cref="SecretMasker"/>, so a
/// token exported on the blamed line never reaches logs, notifications or the terminal.
/// </summary>
public sealed record Evidence
{
    /// <summary>Creates evidence; <paramref name="text"/> is masked on the way in.</summary>
    public Evidence(string? file, int? line, string? text)
    {
        File = file;
        Line = line;
        Text = text is null ? null : SecretMasker.Mask(text);
    }

    /// <summary>The file to blame, or null when the evidence is not about a file.</summary>
    public string? File { get; }

    /// <summary>1-based line in <see cref="File"/>, or null.</summary>
    public int? Line { get; }

    /// <summary>The masked text (the line's content or a short observation).</summary>
    public string? Text { get; }

    /// <summary>Evidence that is an observation rather than a line in a file.</summary>
    public static Evidence Note(string text) => new(null, null, text);

    /// <inheritdoc />
    public override string ToString() => File is null ? Text ?? "" : Line is { } l ? $"{File}:{l}: {Text}" : $"{File}: {Text}";
}

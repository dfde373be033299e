using System.Globalization;

namespace GoWatch.Checks.Toolchain;

/// <summary>
/// A Go version as Go itself orders them (go.dev/doc/toolchain#version): a language version
/// (<c>1.22</c>) comes before its betas and release candidates, which come before its releases
/// (<c>1.22 &lt; 1.22rc1 &lt; 1.22.0 &lt; 1.22.1</c>). Before Go 1.21 the first release of a
/// line was <c>1.N</c> itself, so <c>1.20</c> is a release and equals <c>1.20.0</c>.
/// </summary>
public sealed class GoRelease : IComparable<GoRelease>
{
    private const int FirstDotZeroRelease = 21;

    private GoRelease(int major, int minor, GoReleaseKind kind, int number, string text)
    {
        Major = major;
        Minor = minor;
        Kind = kind;
        Number = number;
        Text = text;
    }

    /// <summary>1 in 1.22.5.</summary>
    public int Major { get; }

    /// <summary>22 in 1.22.5.</summary>
    public int Minor { get; }

    /// <summary>Language version, beta, release candidate or release.</summary>
    public GoReleaseKind Kind { get; }

    /// <summary>The patch of a release, the N of rcN or betaN; 0 for a language version.</summary>
    public int Number { get; }

    /// <summary>The version as written, without <c>go</c> and without a <c>-suffix</c> (<c>1.22</c>, <c>1.21rc2</c>, <c>1.22.5</c>).</summary>
    public string Text { get; }

    /// <summary>True for <c>1.N</c> from Go 1.21 on: a family of releases, not a toolchain one can run.</summary>
    public bool IsLanguageVersion => Kind == GoReleaseKind.Language;

    /// <summary>
    /// The toolchain Go switches to for this version: <c>go1.22.0</c> for the language version
    /// <c>1.22</c> (there is no toolchain <c>go1.22</c>), else <c>go</c> + the version.
    /// </summary>
    public string ToolchainName => IsLanguageVersion ? $"go{Major}.{Minor}.0" : "go" + Text;

    /// <summary>
    /// Parses <c>go1.22.5</c>, <c>1.22</c>, <c>1.21rc2</c>, <c>1.18beta1</c>, <c>go1.21.0-custom</c> or
    /// <c>go1.22.5 X:boringcrypto</c>; null for anything else.
    /// </summary>
    public static GoRelease? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var t = text.Trim().Split(' ', '\t')[0];
        if (t.StartsWith("go", StringComparison.Ordinal))
        {
            t = t[2..];
        }
        // A non-standard toolchain's -suffix does not take part in ordering.
        if (t.IndexOf('-', StringComparison.Ordinal) is var dash and > 0)
        {
            t = t[..dash];
        }
        var firstDot = t.IndexOf('.', StringComparison.Ordinal);
        if (firstDot <= 0 || !TryNumber(t[..firstDot], out var major))
        {
            return null;
        }
        var rest = t[(firstDot + 1)..];
        var minorEnd = 0;
        while (minorEnd < rest.Length && char.IsAsciiDigit(rest[minorEnd]))
        {
            minorEnd++;
        }
        if (!TryNumber(rest[..minorEnd], out var minor))
        {
            return null;
        }
        var tail = rest[minorEnd..];
        var kind = GoReleaseKind.Release;
        var number = 0;
        if (tail.Length == 0)
        {
            kind = major == 1 && minor < FirstDotZeroRelease ? GoReleaseKind.Release : GoReleaseKind.Language;
        }
        else if (tail.StartsWith('.') && TryNumber(tail[1..], out var patch))
        {
            number = patch;
        }
        else if (tail.StartsWith("rc", StringComparison.Ordinal) && TryNumber(tail[2..], out var rc))
        {
            (kind, number) = (GoReleaseKind.ReleaseCandidate, rc);
        }
        else if (tail.StartsWith("beta", StringComparison.Ordinal) && TryNumber(tail[4..], out var beta))
        {
            (kind, number) = (GoReleaseKind.Beta, beta);
        }
        else
        {
            return null;
        }
        return new GoRelease(major, minor, kind, number, t);
    }

    /// <inheritdoc />
    public int CompareTo(GoRelease? other)
    {
        if (other is null)
        {
            return 1;
        }
        var line = (Major, Minor).CompareTo((other.Major, other.Minor));
        return line != 0 ? line : (Kind, Number).CompareTo((other.Kind, other.Number));
    }

    /// <summary>True when this version is older than <paramref name="other"/>.</summary>
    public bool IsOlderThan(GoRelease other) => CompareTo(other) < 0;

    /// <inheritdoc />
    public override string ToString() => Text;

    private static bool TryNumber(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && text.Length > 0;
}

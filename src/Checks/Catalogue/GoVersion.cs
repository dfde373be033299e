namespace GoWatch.Checks.Catalogue;

/// <summary>A Go release number (<c>go1.22.5</c>, <c>1.21</c>, <c>go1.21rc2</c>) that can be compared.</summary>
internal sealed record GoVersion(int Major, int Minor, int Patch) : IComparable<GoVersion>
{
    public static GoVersion? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var t = text.Trim();
        if (t.StartsWith("go", StringComparison.Ordinal))
        {
            t = t[2..];
        }
        // Drop pre-release and build suffixes: "1.21rc2", "1.22.5 X:boringcrypto".
        var end = 0;
        while (end < t.Length && (char.IsDigit(t[end]) || t[end] == '.'))
        {
            end++;
        }
        var parts = t[..end].Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || !int.TryParse(parts[0], out var major))
        {
            return null;
        }
        var minor = parts.Length > 1 && int.TryParse(parts[1], out var m) ? m : 0;
        var patch = parts.Length > 2 && int.TryParse(parts[2], out var p) ? p : 0;
        return new GoVersion(major, minor, patch);
    }

    public int CompareTo(GoVersion? other) =>
        other is null ? 1 : (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));

    public override string ToString() => $"{Major}.{Minor}.{Patch}";
}

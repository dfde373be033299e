namespace GoWatch.Cli.Usage;

/// <summary>The nearest valid word to a mistyped one: "histroy" → "history", "FileChnged" → "FileChanged".</summary>
public static class Suggestions
{
    /// <summary>The closest of <paramref name="candidates"/>, or null when none is close enough to be what was meant.</summary>
    public static string? Nearest(string typed, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var word = typed.TrimStart('-');
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var name = candidate.TrimStart('-');
            // A unique-looking prefix ("hist") is as good as a one-letter slip.
            var distance = word.Length >= 3 && name.StartsWith(word, StringComparison.OrdinalIgnoreCase) ? 1 : Distance(word, name);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best is not null && bestDistance <= Math.Max(1, Math.Min(3, word.Length / 3)) ? best : null;
    }

    /// <summary>Edit distance counting a swap of two neighbouring letters as one edit, case ignored.</summary>
    internal static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}

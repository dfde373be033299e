using GoWatch.Checks.Facts;
using GoWatch.Platform.Locations;
using GoWatch.Platform.Security;

namespace GoWatch.Checks.Probes;

/// <summary>Reads Go's env file the way <c>go</c> does: <c>KEY=VALUE</c> lines, anything else ignored, last one wins.</summary>
public sealed class GoEnvFileReader : IGoEnvFileReader
{
    /// <inheritdoc />
    private const long MaxBytes = 1024 * 1024;

    public async Task<GoEnvFileFacts> ReadAsync(GoWatchSettings settings, CancellationToken cancellationToken)
    {
        var path = settings.GoEnvFile;
        if (!File.Exists(path))
        {
            return new GoEnvFileFacts { Path = path };
        }
        try
        {
            // Go's env file is a few lines: a regular file of at most 1 MiB, never a FIFO or device.
            var text = await Task.Run(() => RegularFile.ReadAllText(path, MaxBytes), cancellationToken).ConfigureAwait(false);
            return text is null
                ? new GoEnvFileFacts { Path = path, Exists = true, Error = $"{path} is larger than {MaxBytes / 1024 / 1024} MiB; it was not read" }
                : new GoEnvFileFacts { Path = path, Exists = true, Entries = Parse(text) };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new GoEnvFileFacts { Path = path, Exists = true, Error = ex.Message };
        }
    }

    /// <summary>Parses env-file text into entries with 1-based line numbers.</summary>
    public static IReadOnlyList<GoEnvFileEntry> Parse(string text)
    {
        var entries = new List<GoEnvFileEntry>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var eq = line.IndexOf('=');
            if (eq <= 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }
            var key = line[..eq].Trim();
            if (key.Length == 0 || key.Any(char.IsWhiteSpace))
            {
                continue;
            }
            entries.Add(new GoEnvFileEntry(key, line[(eq + 1)..], i + 1, line));
        }
        return entries;
    }
}

using System.Runtime.InteropServices;
using System.Text.Json;

namespace GoWatch.Platform.Locations;

/// <summary>
/// Resolves <see cref="GoWatchSettings"/>: platform defaults, then the JSON config file, then
/// <c>GOWATCH_*</c> variables. Keys match case-insensitively with underscores ignored, so
/// <c>GOWATCH_DATA_DIR</c>, <c>GOWATCH_DataDir</c> and <c>"dataDir"</c> name the same setting.
/// </summary>
public static class SettingsLoader
{
    private const string Prefix = "GOWATCH_";

    public static GoWatchSettings Load() => Load(Environment.GetEnvironmentVariable);

    public static GoWatchSettings Load(Func<string, string?> env)
    {
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);

        var home = env("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var xdgConfig = env("XDG_CONFIG_HOME") is { Length: > 0 } xc ? xc : Path.Combine(home, ".config");
        var configFile = env(Prefix + "CONFIG") is { Length: > 0 } cf ? cf : Path.Combine(xdgConfig, "gowatch", "config.json");

        foreach (var (key, value) in ReadConfigFile(configFile))
        {
            overrides[Normalize(key)] = value;
        }
        foreach (var (key, value) in EnvironmentOverrides(env))
        {
            overrides[Normalize(key)] = value;
        }

        string? Get(string name) => overrides.TryGetValue(Normalize(name), out var v) && v.Length > 0 ? v : null;

        home = Get("Home") ?? home;
        var platform = Get("Platform") switch
        {
            null => RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? PlatformKind.MacOS : PlatformKind.Linux,
            var p when p.Equals("macos", StringComparison.OrdinalIgnoreCase) || p.Equals("darwin", StringComparison.OrdinalIgnoreCase) => PlatformKind.MacOS,
            var p when p.Equals("linux", StringComparison.OrdinalIgnoreCase) => PlatformKind.Linux,
            var p => throw new SettingsException($"GOWATCH_PLATFORM must be 'macos' or 'linux', not '{p}'."),
        };
        var hostArch = Get("HostArch") switch
        {
            null => HostArchitecture.Detect(platform),
            var a => HostArchitecture.Normalize(a) ?? throw new SettingsException($"GOWATCH_HOST_ARCH must be 'arm64' or 'amd64', not '{a}'."),
        };

        var xdgState = env("XDG_STATE_HOME") is { Length: > 0 } xs ? xs : Path.Combine(home, ".local", "state");
        var dataDir = Get("DataDir") ?? (platform == PlatformKind.MacOS
            ? Path.Combine(home, "Library", "Application Support", "GoWatch")
            : Path.Combine(xdgState, "gowatch"));
        var logDir = Get("LogDir") ?? (platform == PlatformKind.MacOS
            ? Path.Combine(home, "Library", "Logs", "GoWatch")
            : Path.Combine(dataDir, "logs"));
        var jetBrains = Get("JetBrainsConfigRoot") ?? (platform == PlatformKind.MacOS
            ? Path.Combine(home, "Library", "Application Support", "JetBrains")
            : Path.Combine(xdgConfig, "JetBrains"));
        var goEnv = Get("GoEnvFile") ?? (platform == PlatformKind.MacOS
            ? Path.Combine(home, "Library", "Application Support", "go", "env")
            : Path.Combine(xdgConfig, "go", "env"));

        var settings = new GoWatchSettings
        {
            Platform = platform,
            HostArch = hostArch,
            Home = Path.GetFullPath(home),
            DataDir = Path.GetFullPath(dataDir),
            LogDir = Path.GetFullPath(logDir),
            ConfigFile = configFile,
            SystemRoot = Get("SystemRoot") is { } root ? Path.GetFullPath(root) : "/",
            JetBrainsConfigRoot = jetBrains,
            GoEnvFile = goEnv,
            Shell = Get("Shell") ?? LoginShell.Resolve(platform, env("SHELL"), env("USER") is { Length: > 0 } user ? user : Environment.UserName),
            AllowRoot = Get("AllowRoot") is { } ar && ParseBool(ar, "AllowRoot"),
            RuntimeDir = env("XDG_RUNTIME_DIR") is { Length: > 0 } runtime ? runtime : null,
        };
        if (Get("DebounceMs") is { } debounce)
        {
            settings = settings with { Debounce = TimeSpan.FromMilliseconds(ParseLong(debounce, "DebounceMs", 0, 60_000)) };
        }
        if (Get("ReconcileSeconds") is { } reconcile)
        {
            settings = settings with { ReconcileInterval = TimeSpan.FromSeconds(ParseLong(reconcile, "ReconcileSeconds", 1, 86_400)) };
        }
        if (Get("VerifyIntervalMinutes") is { } verify)
        {
            settings = settings with { VerifyInterval = TimeSpan.FromMinutes(ParseLong(verify, "VerifyIntervalMinutes", 1, 24 * 60)) };
        }
        if (Get("VerifyAfterChangeMs") is { } afterChange)
        {
            settings = settings with { VerifyAfterChange = TimeSpan.FromMilliseconds(ParseLong(afterChange, "VerifyAfterChangeMs", 0, 600_000)) };
        }
        if (Get("Notifications") is { } notifications)
        {
            settings = settings with { Notifications = ParseBool(notifications, "Notifications") };
        }
        if (Get("NotificationIntervalSeconds") is { } notifyInterval)
        {
            settings = settings with { NotificationInterval = TimeSpan.FromSeconds(ParseLong(notifyInterval, "NotificationIntervalSeconds", 0, 86_400)) };
        }
        if (Get("ContentCapBytes") is { } cap)
        {
            settings = settings with { ContentCapBytes = ParseLong(cap, "ContentCapBytes", 0, 64L * 1024 * 1024) };
        }
        return settings;
    }

    private static IEnumerable<KeyValuePair<string, string>> EnvironmentOverrides(Func<string, string?> env)
    {
        // Func<string,string?> cannot enumerate; the process environment is the only source of names.
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            if (name.StartsWith(Prefix, StringComparison.Ordinal) && name != Prefix + "CONFIG" && env(name) is { } value)
            {
                yield return new(name[Prefix.Length..], value);
            }
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> ReadConfigFile(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new SettingsException($"Config file {path} must hold a JSON object.");
            }
            return doc.RootElement.EnumerateObject()
                .Where(p => p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                .Select(p => new KeyValuePair<string, string>(p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText()))
                .ToList();
        }
        catch (JsonException ex)
        {
            throw new SettingsException($"Config file {path} is not valid JSON: {ex.Message}");
        }
        catch (IOException ex)
        {
            throw new SettingsException($"Config file {path} cannot be read: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new SettingsException($"Config file {path} cannot be read: {ex.Message}");
        }
    }

    private static string Normalize(string key) => key.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    private static long ParseLong(string value, string name, long min, long max) =>
        long.TryParse(value, out var n) && n >= min && n <= max
            ? n
            : throw new SettingsException($"Setting {name} must be a whole number between {min} and {max}, not '{value}'.");

    private static bool ParseBool(string value, string name) => value.ToLowerInvariant() switch
    {
        "1" or "true" or "yes" or "on" => true,
        "0" or "false" or "no" or "off" => false,
        _ => throw new SettingsException($"Setting {name} must be true or false, not '{value}'."),
    };
}

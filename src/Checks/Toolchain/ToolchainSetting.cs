namespace GoWatch.Checks.Toolchain;

/// <summary>
/// A <c>GOTOOLCHAIN</c> value taken apart (go.dev/doc/toolchain#select): <c>NAME</c>,
/// <c>NAME+auto</c> or <c>NAME+path</c>, where NAME is <c>local</c> (the toolchain bundled with
/// the <c>go</c> that runs) or a toolchain such as <c>go1.22.5</c>; <c>auto</c> and <c>path</c>
/// are short for <c>local+auto</c> and <c>local+path</c>.
/// </summary>
public sealed record ToolchainSetting
{
    /// <summary>The value as set.</summary>
    public required string Value { get; init; }

    /// <summary><c>local</c> or a toolchain name such as <c>go1.22.5</c>.</summary>
    public required string DefaultName { get; init; }

    /// <summary>The version of <see cref="DefaultName"/>; null for <c>local</c>.</summary>
    public GoRelease? DefaultVersion { get; init; }

    /// <summary>Whether go may switch to a newer toolchain, and where it looks for one.</summary>
    public required ToolchainMode Mode { get; init; }

    /// <summary>True when <see cref="DefaultName"/> is <c>local</c>.</summary>
    public bool IsLocal => DefaultName == "local";

    /// <summary>Parses a value; null when it is empty or not a form go accepts (go itself then stops with "invalid GOTOOLCHAIN").</summary>
    public static ToolchainSetting? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var text = value.Trim();
        var (name, mode) = text switch
        {
            "auto" => ("local", ToolchainMode.Auto),
            "path" => ("local", ToolchainMode.Path),
            _ when text.EndsWith("+auto", StringComparison.Ordinal) => (text[..^"+auto".Length], ToolchainMode.Auto),
            _ when text.EndsWith("+path", StringComparison.Ordinal) => (text[..^"+path".Length], ToolchainMode.Path),
            _ => (text, ToolchainMode.Fixed),
        };
        if (name == "local")
        {
            return new ToolchainSetting { Value = text, DefaultName = name, Mode = mode };
        }
        if (!name.StartsWith("go", StringComparison.Ordinal) || GoRelease.Parse(name) is not { IsLanguageVersion: false } version)
        {
            return null;
        }
        return new ToolchainSetting { Value = text, DefaultName = name, DefaultVersion = version, Mode = mode };
    }
}

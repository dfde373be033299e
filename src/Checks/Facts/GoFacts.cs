using GoWatch.Checks.Binary;

namespace GoWatch.Checks.Facts;

/// <summary>The <c>go</c> the login shell would run, and what it says about itself.</summary>
public sealed record GoFacts
{
    /// <summary>The first executable <c>go</c> on the shell's PATH, or null when there is none.</summary>
    public string? Path { get; init; }

    /// <summary><see cref="Path"/> with every symlink resolved.</summary>
    public string? ResolvedPath { get; init; }

    /// <summary>The installation root <see cref="Path"/> belongs to (the parent of its <c>bin</c>), or null.</summary>
    public string? Root { get; init; }

    /// <summary>The CPU architectures in the header of <see cref="ResolvedPath"/>.</summary>
    public BinaryHeader Header { get; init; } = BinaryHeader.Unknown;

    /// <summary>The output of <c>go env -json</c>, or null when it failed (see <see cref="EnvError"/>).</summary>
    public IReadOnlyDictionary<string, string>? Env { get; init; }

    /// <summary>Why <c>go env -json</c> gave nothing usable.</summary>
    public string? EnvError { get; init; }

    /// <summary>The version word of <c>go version</c>, e.g. <c>go1.22.5</c>.</summary>
    public string? Version { get; init; }

    /// <summary>The <c>os/arch</c> word of <c>go version</c>, e.g. <c>darwin/arm64</c>.</summary>
    public string? VersionPlatform { get; init; }

    /// <summary>Why <c>go version</c> gave nothing usable.</summary>
    public string? VersionError { get; init; }

    /// <summary>First line of <c>$ROOT/VERSION</c>.</summary>
    public string? RootVersionFile { get; init; }

    /// <summary>The C compiler <c>go env CC</c> names, resolved on the shell's PATH; null when not found or not asked.</summary>
    public string? CompilerPath { get; init; }

    /// <summary>Where the compiler <c>go env CC</c> names exists although the shell's PATH does not reach it (a broken PATH hides it); null otherwise.</summary>
    public string? CompilerOffPath { get; init; }

    /// <summary>Header of <see cref="CompilerPath"/>.</summary>
    public BinaryHeader CompilerHeader { get; init; } = BinaryHeader.Unknown;

    /// <summary>
    /// On macOS, when the compiler is Apple's <c>/usr/bin</c> shim: the developer directory
    /// <c>xcode-select -p</c> names, which the shim needs. Null when not asked.
    /// </summary>
    public string? DeveloperDirectory { get; init; }

    /// <summary>Why there is no usable developer directory behind the <c>/usr/bin</c> compiler shim; null when there is one or it was not asked.</summary>
    public string? DeveloperDirectoryError { get; init; }

    /// <summary>A value of <c>go env</c>, or null.</summary>
    public string? EnvValue(string name) => Env is { } env && env.TryGetValue(name, out var v) ? v : null;

    /// <summary>The installed version as <c>go1.x.y</c>, from whichever source answered.</summary>
    public string? InstalledVersion =>
        EnvValue("GOVERSION") is { Length: > 0 } v ? v.Split(' ')[0] : Version ?? RootVersionFile;
}

using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Catalogue;

/// <summary>Writes fixes in the user's own shell dialect and names the file to put them in.</summary>
internal static class ShellSyntax
{
    public static string RcFile(ShellKind kind) => kind switch
    {
        ShellKind.Fish => "~/.config/fish/config.fish",
        ShellKind.Bash => "~/.bash_profile",
        _ => "~/.zshrc",
    };

    public static string PrependPath(ShellKind kind, string dir) => kind == ShellKind.Fish
        ? $"fish_add_path --move --prepend {Quote(dir)}"
        : $"export PATH={Quote(dir)}:\"$PATH\"";

    public static string AppendPath(ShellKind kind, string dir) => kind == ShellKind.Fish
        ? $"fish_add_path --append {Quote(dir)}"
        : $"export PATH=\"$PATH\":{Quote(dir)}";

    public static string Export(ShellKind kind, string name, string value) => kind == ShellKind.Fish
        ? $"set -gx {name} {Quote(value)}"
        : $"export {name}={Quote(value)}";

    public static string Unset(ShellKind kind, string name) => kind == ShellKind.Fish ? $"set -e {name}" : $"unset {name}";

    /// <summary>
    /// Where a PATH line should go, next to <paramref name="setting"/> when that works: in zsh never a
    /// zshenv, because /etc/zprofile runs after it and path_helper moves /etc/paths ahead of it.
    /// </summary>
    public static string PathLineWhere(ShellKind kind, Evidence? setting) =>
        kind == ShellKind.Zsh && setting?.File is { } f && Path.GetFileName(f) is ".zshenv" or "zshenv"
            ? "~/.zprofile (not ~/.zshenv: /etc/zprofile runs after it and its path_helper puts /etc/paths ahead of what ~/.zshenv set)"
            : Where(setting);

    public static string Where(Evidence? evidence) =>
        evidence is { File: { } f } ? evidence.Line is { } l ? $"{f} line {l}" : f : "your shell startup files";

    // Single quotes keep paths with spaces, $() and backticks literal in every supported shell.
    public static string Quote(string text) =>
        text.All(c => char.IsLetterOrDigit(c) || "/._-+:@%".Contains(c)) ? text : "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

using GoWatch.Platform.Processes;
using GoWatch.Platform.Service;

namespace GoWatch.Platform.Locations;

/// <summary>
/// The user's login shell (SPEC §2): <c>$SHELL</c>, else the user record — on macOS
/// <c>dscl . -read /Users/NAME UserShell</c>, on Linux the passwd entry (<c>/etc/passwd</c>, then
/// <c>getent passwd</c> for directory users). A <c>$SHELL</c> naming a shell that no longer exists
/// (left behind by a terminal opened before <c>chsh</c>, or a Homebrew shell uninstalled) gives
/// way to the user record. The record is asked only when <c>$SHELL</c> is unset or stale.
/// </summary>
public sealed class LoginShell(ToolLocator tools, string passwdFile = "/etc/passwd")
{
    /// <summary>The login shell from the real user database; null when none names one.</summary>
    public static string? Resolve(PlatformKind platform, string? shellVariable, string? user) =>
        new LoginShell(new ToolLocator(["/usr/bin", "/bin"])).Find(platform, shellVariable, user);

    public string? Find(PlatformKind platform, string? shellVariable, string? user)
    {
        var shell = string.IsNullOrWhiteSpace(shellVariable) ? null : shellVariable;
        if (shell is not null && File.Exists(shell))
        {
            return shell;
        }
        var record = string.IsNullOrWhiteSpace(user) ? null : UserRecord(platform, user);
        return Choose(shell, record, File.Exists);
    }

    /// <summary>
    /// <c>$SHELL</c> when it exists; else the record's shell when that exists; else whichever is
    /// set (so the check can say which shell is missing), <c>$SHELL</c> first.
    /// </summary>
    public static string? Choose(string? shellVariable, string? record, Func<string, bool> exists)
    {
        if (shellVariable is not null && exists(shellVariable))
        {
            return shellVariable;
        }
        if (record is not null && exists(record))
        {
            return record;
        }
        return shellVariable ?? record;
    }

    /// <summary>The shell the user database names for <paramref name="user"/>, or null.</summary>
    public string? UserRecord(PlatformKind platform, string user)
    {
        if (platform == PlatformKind.MacOS)
        {
            return tools.Find("dscl") is { } dscl && Run(dscl, [".", "-read", "/Users/" + user, "UserShell"]) is { } output
                ? ParseDscl(output)
                : null;
        }
        try
        {
            if (File.Exists(passwdFile) && ParsePasswd(File.ReadAllText(passwdFile), user) is { } shell)
            {
                return shell;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Unreadable: getent may still know the user.
        }
        return tools.Find("getent") is { } getent && Run(getent, ["passwd", user]) is { } entry
            ? ParsePasswd(entry, user)
            : null;
    }

    /// <summary>
    /// Reads <c>UserShell: /bin/zsh</c>; dscl puts a value holding a space on the next line,
    /// indented (<c>UserShell:\n /opt/my shells/zsh</c>).
    /// </summary>
    public static string? ParseDscl(string output)
    {
        var lines = output.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (!line.StartsWith("UserShell:", StringComparison.Ordinal))
            {
                continue;
            }
            var value = line["UserShell:".Length..].Trim();
            if (value.Length == 0 && i + 1 < lines.Length && lines[i + 1].StartsWith(' '))
            {
                value = lines[i + 1].Trim();
            }
            return value.StartsWith('/') ? value : null;
        }
        return null;
    }

    /// <summary>The seventh field of <paramref name="user"/>'s line in passwd format, or null.</summary>
    public static string? ParsePasswd(string content, string user)
    {
        foreach (var raw in content.Split('\n'))
        {
            var fields = raw.TrimEnd('\r').Split(':');
            if (fields.Length >= 7 && fields[0] == user)
            {
                return fields[6].StartsWith('/') ? fields[6] : null;
            }
        }
        return null;
    }

    private static string? Run(string tool, IReadOnlyList<string> args)
    {
        var result = ProcessRunner.Run(new ProcessSpec(tool, args) { Timeout = TimeSpan.FromSeconds(3) });
        return result.Succeeded ? result.Stdout : null;
    }
}

using GoWatch.Checks.Toolchain;
using GoWatch.Cli.Rendering;
using GoWatch.Platform.Locations;
using GoWatch.Platform.Security;

namespace GoWatch.Cli.Explain;

/// <summary>
/// <c>gowatch explain</c> for a person: per variable, what a terminal gets and from where, every
/// line and file that set it (the ones overridden first), what GoLand gets, and for GOTOOLCHAIN
/// the toolchain each watched project's go.mod makes a terminal's go run. Paths under
/// HOME read <c>~</c>; values pass the secret masker.
/// </summary>
public static class ExplainText
{
    /// <summary>
    /// Writes every variable, a blank line between them; <paramref name="desktopNote"/> says why the
    /// desktop session is missing, when it is. With a <paramref name="width"/> (a terminal's), a
    /// longer line is wrapped at spaces and goes on indented under its own start, so the lines of
    /// one variable stay readable as a block; without one (piped), every line stays whole for grep.
    /// </summary>
    public static void Write(TextWriter output, IReadOnlyList<ExplainedVariable> variables, string home, string? desktopNote, int? width = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (width is not { } columns)
        {
            WriteAll(output, variables, home, desktopNote);
            return;
        }
        using var text = new StringWriter();
        WriteAll(text, variables, home, desktopNote);
        foreach (var line in text.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'))
        {
            var indent = line.Length - line.TrimStart(' ').Length;
            var hanging = new string(' ', indent + 4);
            var first = true;
            // One width for every part: a continuation's four more columns of indent must fit too.
            // Words are never cut: a path or a value must paste whole.
            foreach (var part in TextWrap.Lines(line.TrimStart(' '), Math.Max(20, columns - indent - 4), breakLongWords: false))
            {
                output.WriteLine((first ? new string(' ', indent) : hanging) + part);
                first = false;
            }
        }
    }

    private static void WriteAll(TextWriter output, IReadOnlyList<ExplainedVariable> variables, string home, string? desktopNote)
    {
        for (var i = 0; i < variables.Count; i++)
        {
            if (i > 0)
            {
                output.WriteLine();
            }
            Write(output, variables[i], home);
        }
        if (desktopNote is not null)
        {
            output.WriteLine();
            output.WriteLine($"The desktop session was not read ({Visible.Line(desktopNote)}): GoLand's values assume it sets nothing.");
        }
    }

    private static void Write(TextWriter output, ExplainedVariable variable, string home)
    {
        var what = variable.Name == ExplainVariables.Go ? "go on PATH" : variable.Name;
        output.WriteLine(variable.Terminal.Value is null
            ? $"{what}: none in a terminal ({variable.Terminal.From})"
            : $"{what} = {Value(variable.Terminal.Value, home)} in a terminal, from {variable.Terminal.From}");
        foreach (var source in variable.Sources)
        {
            output.WriteLine("  " + Describe(source, home));
        }
        foreach (var goland in variable.GoLand)
        {
            var project = goland.Project is null ? "GoLand" : $"GoLand, project {HomePaths.Tilde(goland.Project, home)}";
            var same = goland.Value == variable.Terminal.Value ? " (the same as the terminal)" : " (not the terminal's!)";
            output.WriteLine(goland.Value is null
                ? $"  {project}: unknown ({goland.From})"
                : $"  {project}: {Value(goland.Value, home)}, from {goland.From}{same}");
        }
        WriteToolchains(output, variable, home);
    }

    private static void WriteToolchains(TextWriter output, ExplainedVariable variable, string home)
    {
        foreach (var project in variable.Toolchains)
        {
            var where = HomePaths.Tilde(project.Directory, home);
            if (variable.Name == ExplainVariables.Go)
            {
                // Only where go.mod changes which go runs; GOTOOLCHAIN tells the whole story.
                var what = project.Outcome switch
                {
                    ToolchainOutcome.Switches => $"go.mod makes it run {project.Runs}",
                    ToolchainOutcome.TooOld => "it is too old for go.mod and cannot switch",
                    _ => null,
                };
                if (what is not null)
                {
                    output.WriteLine($"  in project {Visible.Line(where)}, {what} (gowatch explain GOTOOLCHAIN)");
                }
                continue;
            }
            var lines = new List<string>();
            if (project.GoMod.GoVersion is { } go)
            {
                lines.Add($"go {go}");
            }
            if (project.GoMod.Toolchain is { } toolchain)
            {
                lines.Add($"toolchain {toolchain}");
            }
            var mod = project.GoMod.Error is not null ? "go.mod" : lines.Count == 0 ? "go.mod without a go line" : "go.mod: " + string.Join(", ", lines);
            output.WriteLine($"  project {Visible.Line(where)} ({Visible.Line(mod)}): {Visible.Line(Tilde(project.Story, home))}");
            if (variable.GoLandToolchains.FirstOrDefault(g => g.Directory == project.Directory) is { } goland)
            {
                output.WriteLine($"    in GoLand: {Visible.Line(Tilde(goland.Story, home))}");
            }
        }
    }

    // Paths inside a sentence, shown with ~ like everywhere else.
    private static string Tilde(string text, string home) =>
        home.Length > 1 ? text.Replace(home.TrimEnd('/') + "/", "~/", StringComparison.Ordinal) : text;

    private static string Describe(ValueSource source, string home)
    {
        var where = source.File is null ? null : HomePaths.Tilde(source.File, home) + (source.Line is { } l ? $":{l}" : "");
        var what = source.Text is { Length: > 0 } text ? Visible.Line(SecretMasker.Mask(text)) : source.Value is null ? null : $"{Value(source.Value, home)}";
        var head = source.Environment switch
        {
            "shell" when where is null => $"the login shell exports {what}",
            "shell" => $"{where}: {what}",
            "goenv" => $"{where}: {what} ",
            "desktop" => $"the desktop session sets {what}",
            _ => where is null ? $"{what}" : $"{where}: {what}",
        };
        return $"{head.TrimEnd()} — {Visible.Line(source.Note)}";
    }

    /// <summary>A value as shown: masked, <c>~</c> for HOME in each list entry, <c>(empty)</c> for an empty one.</summary>
    public static string Value(string value, string home) =>
        value.Length == 0 ? "(empty)" : Visible.Line(string.Join(':', SecretMasker.Mask(value).Split(':').Select(p => p.StartsWith('/') ? HomePaths.Tilde(p, home) : p)));
}

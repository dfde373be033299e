using System.Text;
using DiffPlex.Renderer;
using Spectre.Console;

namespace GoWatch.Cli.Rendering;

/// <summary>A unified diff (DiffPlex), coloured for a terminal.</summary>
public static class UnifiedDiff
{
    public static string Create(byte[] before, byte[] after, string path)
    {
        if (before.AsSpan().Contains((byte)0) || after.AsSpan().Contains((byte)0))
        {
            return $"Binary files a{path} and b{path} differ\n";
        }
        var a = Encoding.UTF8.GetString(before);
        var b = Encoding.UTF8.GetString(after);
        return UnidiffRenderer.Instance.Generate(a, b, "a" + path, "b" + path, false, false);
    }

    public static void Write(CliContext context, string diff)
    {
        diff = Visible.Block(diff);
        if (!context.Color)
        {
            context.Out.Write(diff.EndsWith('\n') ? diff : diff + "\n");
            context.Out.Flush();
            return;
        }
        foreach (var line in diff.Split('\n'))
        {
            var style = line switch
            {
                _ when line.StartsWith("+++", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal) => "bold",
                _ when line.StartsWith('+') => "green",
                _ when line.StartsWith('-') => "red",
                _ when line.StartsWith("@@", StringComparison.Ordinal) => "cyan",
                _ => null,
            };
            context.Console.MarkupLine(style is null ? Markup.Escape(line) : $"[{style}]{Markup.Escape(line)}[/]");
        }
    }
}

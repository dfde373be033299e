using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

namespace GoWatch.Cli.Usage;

/// <summary>The usual help, followed by a few real examples of the command.</summary>
public sealed class ExamplesHelpAction(HelpAction inner) : SynchronousCommandLineAction
{
    /// <summary>Asking for help is never a usage error, whatever else is on the line.</summary>
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        inner.Invoke(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        WriteExamples(output, parseResult.CommandResult);
        return ExitCodes.Ok;
    }

    public static void WriteExamples(TextWriter output, CommandResult command)
    {
        var path = UsageErrors.CommandPath(command);
        var examples = Examples.For(path.Length > "gowatch".Length ? path["gowatch ".Length..] : "");
        if (examples.Count == 0)
        {
            return;
        }
        output.WriteLine("Examples:");
        foreach (var (line, what) in examples)
        {
            output.WriteLine($"  {line}");
            output.WriteLine($"      {what}");
        }
        output.WriteLine();
        output.Flush();
    }
}

using GoWatch.Cli;
using GoWatch.Cli.Backend;
using GoWatch.Platform.Locations;
using GoWatch.Platform.Security;
using Spectre.Console;

ProcessUmask.RestrictToOwner();

GoWatchSettings settings;
try
{
    settings = SettingsLoader.Load();
}
catch (SettingsException ex)
{
    Console.Error.WriteLine($"gowatch: {ex.Message}");
    return ExitCodes.Usage;
}

if (Console.IsOutputRedirected && GoWatch.Cli.Terminal.PipeOutput.Open() is { } pipe)
{
    Console.SetOut(pipe);
}

// Colour only for a person at a terminal who has not asked for none.
var color = !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")) && Environment.GetEnvironmentVariable("TERM") != "dumb";
var console = AnsiConsole.Create(new AnsiConsoleSettings
{
    Ansi = color ? AnsiSupport.Detect : AnsiSupport.No,
    ColorSystem = color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
    Out = new AnsiConsoleOutput(Console.Out),
});
if (Console.IsOutputRedirected)
{
    // Piped output is read by scripts and pagers: do not wrap at 80 columns.
    console.Profile.Width = 240;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var context = new CliContext(settings, console, Console.Out, Console.Error, color, TimeProvider.System, BackendConnector.Connect)
{
    OutputIsTerminal = !Console.IsOutputRedirected,
    OutputClosed = GoWatch.Cli.Terminal.ClosedOutput.Watch(),
};
return await GoWatchCli.RunAsync(args, context, cancel.Token);

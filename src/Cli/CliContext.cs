using GoWatch.Cli.Backend;
using GoWatch.Platform.Locations;
using Spectre.Console;

namespace GoWatch.Cli;

/// <summary>
/// Everything a command touches outside itself, injected so tests can capture output and
/// point the CLI at a temp data dir. <see cref="Out"/> carries machine output (JSON, diffs)
/// verbatim; <see cref="Console"/> renders tables and colour for people.
/// </summary>
public sealed record CliContext(
    GoWatchSettings Settings,
    IAnsiConsole Console,
    TextWriter Out,
    TextWriter Error,
    bool Color,
    TimeProvider Time,
    Func<GoWatchSettings, IGoWatchBackend> Connect)
{
    /// <summary>
    /// True when stdout is a terminal a person reads; false in a pipe or file, where rows come
    /// first (no blank lines, no rules, no trailing spaces) and hints go to stderr.
    /// </summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>Cancelled when the reader of stdout has gone away, so a command that waits (follow) ends quietly.</summary>
    public CancellationToken OutputClosed { get; init; }

    public IGoWatchBackend OpenBackend() => Connect(Settings);
}

using System.CommandLine;
using GoWatch.Cli.Backend;
using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Store;
using GoWatch.Events.Store.LiteDb;
using GoWatch.Platform;
using GoWatch.Platform.Locations;
using GoWatch.Recording;
using GoWatch.Recording.Catalogue;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console;

namespace GoWatch.Cli.Tests.Support;

/// <summary>
/// A temp HOME and data dir, a real LiteDB store in it, and the CLI run in-process against it
/// (the daemon is down, so the CLI opens the store itself, as it does on a real machine).
/// </summary>
public sealed class CliScenario : IDisposable
{
    public CliScenario(PlatformKind platform = PlatformKind.Linux, string? shell = null)
    {
        Root = Directory.CreateTempSubdirectory("gowatch-cli-").FullName;
        Directory.CreateDirectory(Home);
        Settings = new GoWatchSettings
        {
            Platform = platform,
            HostArch = "arm64",
            Home = Home,
            DataDir = Path.Combine(Root, "data"),
            LogDir = Path.Combine(Root, "logs"),
            ConfigFile = Path.Combine(Root, "config.json"),
            SystemRoot = Path.Combine(Root, "sys"),
            JetBrainsConfigRoot = Path.Combine(Home, ".config", "JetBrains"),
            GoEnvFile = Path.Combine(Home, ".config", "go", "env"),
            Shell = shell,
        };
    }

    public string Root { get; }
    public string Home => Path.Combine(Root, "home");
    public GoWatchSettings Settings { get; }
    public string Zshrc => HomePath(".zshrc");

    /// <summary>The clock events are stored with; the CLI sees the same "now".</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public string HomePath(string relative) => Path.Combine(Home, relative);

    /// <summary>Opens the store (the CLI cannot while it is open), lets <paramref name="given"/> record, and closes it.</summary>
    public T Given<T>(Func<Recorded, T> given)
    {
        using var store = LiteDbEventStore.Open(Settings.StorePath, Settings.LockPath, Clock);
        return given(new Recorded(store, new FileRecorder(store, WatchCatalogue.Default(Settings), Settings.ContentCapBytes, NullLogger<FileRecorder>.Instance)));
    }

    /// <summary>Writes a watched file and records it as the daemon would; returns its position.</summary>
    public long Edit(string path, string content) => Given(r => r.Edit(path, content));

    public IReadOnlyList<EventEnvelope> Events(EventQuery? query = null) => Given(r => r.Store.Query(query ?? EventQuery.All));

    /// <summary>When set, output goes to a terminal this many columns wide; else it is piped.</summary>
    public int? TerminalWidth { get; set; }

    /// <summary>Runs <c>gowatch args…</c> through the real command tree.</summary>
    public CliResult Run(params string[] args) => Run(null, args);

    /// <summary>Runs one command built by <paramref name="command"/> (to pass it test seams).</summary>
    public CliResult Run(Func<CliContext, Command>? command, params string[] args) => Run(command, "", args);

    /// <summary>Runs with a console that answers questions by typing <paramref name="keys"/>.</summary>
    public CliResult Run(Func<CliContext, Command>? command, string keys, string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var ansi = new ScriptedConsole(stdout, keys);
        if (TerminalWidth is { } width)
        {
            ansi.Profile.Width = width;
        }
        var context = new CliContext(Settings, ansi, stdout, stderr, false, Clock, BackendConnector.Connect) { OutputIsTerminal = TerminalWidth is not null };
        int exit;
        if (command is null)
        {
            exit = GoWatchCli.RunAsync(args, context).GetAwaiter().GetResult();
        }
        else
        {
            var root = new RootCommand { command(context) };
            var parse = root.Parse(args);
            exit = parse.Errors.Count > 0
                ? ExitCodes.Usage
                : parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }).GetAwaiter().GetResult();
        }
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>What a test records with: the store and a real recorder over it.</summary>
    public sealed record Recorded(IEventStore Store, FileRecorder Recorder)
    {
        /// <summary>
        /// Writes the file and records it as a daemon watching it would: a file that was not there
        /// is seen absent first, so its appearance is recorded as a creation, not a first sighting.
        /// </summary>
        public long Edit(string path, string content)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (!File.Exists(path))
            {
                Recorder.Record(path);
            }
            File.WriteAllText(path, content);
            return Recorder.Record(path)?.Position ?? throw new InvalidOperationException($"nothing recorded for {path}");
        }

        public long Append(string stream, IEvent data) =>
            Store.Append(new AppendRequest(stream, ExpectedVersion.Any, [new NewEvent(data, EventSources.Daemon)])).Events[0].Position;
    }
}

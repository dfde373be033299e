using Spectre.Console;
using Spectre.Console.Rendering;

namespace GoWatch.Cli.Tests.Support;

/// <summary>
/// An interactive console writing plain text to a <see cref="StringWriter"/> and reading keys
/// from a script, so a test can answer a confirmation the way a person would.
/// </summary>
public sealed class ScriptedConsole : IAnsiConsole
{
    private readonly IAnsiConsole _inner;
    private readonly ScriptedInput _input;

    public ScriptedConsole(StringWriter output, string keys)
    {
        _inner = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(output),
        });
        _inner.Profile.Width = 200;
        _input = new ScriptedInput(keys);
    }

    /// <summary>Keys the script still holds (a test can check the question was asked).</summary>
    public int KeysLeft => _input.Left;

    public Profile Profile => _inner.Profile;
    public IAnsiConsoleCursor Cursor => _inner.Cursor;
    public IAnsiConsoleInput Input => _input;
    public IExclusivityMode ExclusivityMode => _inner.ExclusivityMode;
    public RenderPipeline Pipeline => _inner.Pipeline;

    public void Clear(bool home) => _inner.Clear(home);

    public void Write(IRenderable renderable) => _inner.Write(renderable);

    public void WriteAnsi(Action<AnsiWriter> action) => _inner.WriteAnsi(action);

    private sealed class ScriptedInput(string keys) : IAnsiConsoleInput
    {
        private readonly Queue<char> _keys = new(keys);

        public int Left => _keys.Count;

        public bool IsKeyAvailable() => _keys.Count > 0;

        public ConsoleKeyInfo? ReadKey(bool intercept)
        {
            if (_keys.Count == 0)
            {
                throw new InvalidOperationException("The command asked for more input than the test scripted.");
            }
            var c = _keys.Dequeue();
            return c == '\n'
                ? new ConsoleKeyInfo('\r', ConsoleKey.Enter, false, false, false)
                : new ConsoleKeyInfo(c, char.IsAsciiLetter(c) ? Enum.Parse<ConsoleKey>(char.ToUpperInvariant(c).ToString()) : ConsoleKey.NoName, false, false, false);
        }

        public Task<ConsoleKeyInfo?> ReadKeyAsync(bool intercept, CancellationToken cancellationToken) => Task.FromResult(ReadKey(intercept));
    }
}

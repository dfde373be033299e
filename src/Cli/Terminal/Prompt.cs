using Spectre.Console;

namespace GoWatch.Cli.Terminal;

/// <summary>
/// A yes/no question that defaults to no: only y or Y says yes; n, Enter, Escape, Ctrl-C and
/// Ctrl-D (end of input) all say no, so a person who backs out never changes anything.
/// </summary>
public static class Prompt
{
    public static bool Confirm(IAnsiConsole console, string question)
    {
        ArgumentNullException.ThrowIfNull(console);
        // Ctrl-C must arrive as a key (an answer), not as SIGINT that leaves the read waiting;
        // set before the question shows, so a quick answer cannot slip in between.
        var restore = SetControlCAsInput(true);
        console.Markup($"{Markup.Escape(question)} [[y/N]] ");
        try
        {
            while (true)
            {
                ConsoleKeyInfo? key;
                try
                {
                    key = console.Input.ReadKey(intercept: true);
                }
                catch (Exception ex) when (ex is InvalidOperationException or IOException)
                {
                    key = null;
                }
                switch (key)
                {
                    case { KeyChar: 'y' or 'Y' }:
                        console.WriteLine("y");
                        return true;
                    case null:
                    case { KeyChar: 'n' or 'N' or '\r' or '\n' or '\x03' or '\x04' or '\x1b' }:
                    case { Key: ConsoleKey.Enter or ConsoleKey.Escape }:
                    case { Key: ConsoleKey.C or ConsoleKey.D, Modifiers: ConsoleModifiers.Control }:
                        console.WriteLine("n");
                        return false;
                }
            }
        }
        finally
        {
            if (restore is { } previous)
            {
                SetControlCAsInput(previous);
            }
        }
    }

    /// <summary>Sets <see cref="Console.TreatControlCAsInput"/> and returns what it was; null when there is no terminal to set.</summary>
    private static bool? SetControlCAsInput(bool value)
    {
        if (Console.IsInputRedirected)
        {
            return null;
        }
        try
        {
            var previous = Console.TreatControlCAsInput;
            Console.TreatControlCAsInput = value;
            return previous;
        }
        catch (IOException)
        {
            return null;
        }
    }
}

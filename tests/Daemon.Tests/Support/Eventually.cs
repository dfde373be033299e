namespace GoWatch.Daemon.Tests.Support;

/// <summary>Polls for what the daemon does on its own threads; the deadline means it never happened.</summary>
public static class Eventually
{
    public static void True(Func<bool> condition, string what, int withinSeconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(withinSeconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Within {withinSeconds} s: {what}");
            }
            Thread.Sleep(20);
        }
    }
}

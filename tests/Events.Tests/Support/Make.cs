using GoWatch.Events.Model;

namespace GoWatch.Events.Tests.Support;

/// <summary>Builders for events used across the store tests.</summary>
public static class Make
{
    public static NewEvent Changed(string path, string? before = "a", string? after = "b") =>
        new(new FileChanged(path, before, after, 1, 0, 10, true, "shell"), EventSources.Daemon);

    public static NewEvent Created(string path, string sha = "a") =>
        new(new FileCreated(path, sha, 10, true, "shell"), EventSources.Daemon);

    public static NewEvent Deleted(string path) =>
        new(new FileDeleted(path, "b", "shell"), EventSources.Daemon);

    public static NewEvent Started() => new(new DaemonStarted(1, "test", "linux", "amd64", 0), EventSources.Daemon);
}

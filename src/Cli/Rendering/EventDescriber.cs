using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Platform.Locations;

namespace GoWatch.Cli.Rendering;

/// <summary>The one-line "what happened" of an event for tables and <c>follow</c>.</summary>
public static class EventDescriber
{
    public static string Describe(EventEnvelope e, string home) => e.Data switch
    {
        FileObserved o => $"{HomePaths.Tilde(o.Path, home)} first seen ({Size(o.Size)}{(o.ContentStored ? "" : ", content not kept")})",
        FileCreated c => $"{HomePaths.Tilde(c.Path, home)} ({Size(c.Size)}{(c.ContentStored ? "" : ", content not kept")})",
        FileChanged c => $"{HomePaths.Tilde(c.Path, home)} (+{c.LinesAdded} −{c.LinesRemoved}{(c.ContentStored ? "" : ", content not kept")})",
        FileDeleted d => HomePaths.Tilde(d.Path, home),
        FileUnreadable u => $"{HomePaths.Tilde(u.Path, home)}: {u.Reason}",
        FileReverted r => $"{HomePaths.Tilde(r.Path, home)} restored to before #{r.RevertedPosition}",
        InstallationObserved o => $"{HomePaths.Tilde(o.Path, home)} first seen: {Fingerprint(o.Fingerprint)}",
        InstallationChanged i => $"{HomePaths.Tilde(i.Path, home)}: {Fingerprint(i.Before)} → {Fingerprint(i.After)}",
        VerificationCompleted v => $"{v.Trigger}: {v.Findings.Count} finding(s), {v.Passed.Count} passed, {v.DurationMs} ms",
        DriftDetected d => $"{d.CheckId} ({d.Severity}): {d.Title}{(d.CausedBy is { } c ? $" — after #{c}" : "")}",
        DriftResolved r => $"{r.CheckId} resolved{(r.ResolvedBy is { } b ? $" by #{b}" : "")}",
        NotificationSent n => $"{n.Channel}: {n.Title}",
        WatchError w => $"{HomePaths.Tilde(w.Path, home)}: {w.Error}",
        DaemonStarted s => $"pid {s.Pid}, version {s.Version}, {s.Platform}/{s.HostArch}{(s.PreviousRun == DaemonStarted.Crashed ? " — the previous run ended without a clean stop (killed or crashed)" : "")}",
        DaemonStopped s => $"pid {s.Pid} ({s.Reason})",
        ProjectWatched p => $"watching the project {HomePaths.Tilde(p.Directory, home)}",
        ProjectUnwatched p => $"no longer watching the project {HomePaths.Tilde(p.Directory, home)}",
        UnknownEvent u => $"(stored by a newer GoWatch: {u.StoredType})",
        _ => e.Type,
    };

    private static string Fingerprint(InstallationFingerprint? f) =>
        f is null || !f.Exists ? "absent" : string.Join(" ", new[] { f.Kind, f.Version, f.Arch, f.SymlinkTarget is { } t ? "→ " + t : null }.Where(s => s is not null));

    private static string Size(long bytes) => bytes < 1024 ? $"{bytes} B" : bytes < 1024 * 1024 ? $"{bytes / 1024.0:0.#} KiB" : $"{bytes / 1024.0 / 1024:0.#} MiB";
}

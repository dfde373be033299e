using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Projections;
using GoWatch.Events.Store;
using GoWatch.Platform.FileSystem;
using GoWatch.Recording.Catalogue;

namespace GoWatch.Recording.Revert;

/// <summary>
/// Restores a watched file to its content just before a recorded event, and records that as a
/// <c>FileReverted</c>. It writes only files of the revertible catalogue, refuses a symlink that
/// leads elsewhere, refuses a file that changed after the event (unless forced), keeps the
/// replaced content as a blob before writing, and writes atomically (temp file in the same
/// directory, fsync, rename) keeping the file's mode.
/// </summary>
/// <remarks>
/// The caller provides the exclusion: the daemon runs this under its recorder's decision lock
/// (so its watcher never records the write as a change of its own), the CLI under the store lock.
/// </remarks>
public sealed class FileReverter(IEventStore store, WatchCatalogue catalogue, long contentCapBytes, string source)
{
    /// <summary>The mode of a file that is recreated: what an editor gives a dotfile.</summary>
    private const UnixFileMode RecreatedMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public RevertResult Revert(RevertRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var e = store.Get(request.Position);
        if (e is null)
        {
            return new RevertResult(RevertStatus.UnknownPosition, $"No event at position {request.Position}.");
        }
        if (e.Data is not IFileEvent fileEvent)
        {
            return new RevertResult(RevertStatus.NotFileEvent, $"Event {e.Position} is a {e.Type}, not a file event; only file events can be reverted.");
        }
        var path = fileEvent.Path;
        if (NotAChange(e, path) is { } baseline)
        {
            return Refused(baseline);
        }

        // What the file should hold again: the content before the event (null target: absent).
        (string? Sha, RevertAction Action)? target = e.Data switch
        {
            FileChanged { BeforeSha256: { } before } => (before, RevertAction.Restore),
            FileDeleted { BeforeSha256: { } before } => (before, RevertAction.Restore),
            FileCreated => (null, RevertAction.Remove),
            FileReverted { BackupSha256: { } backup } => (backup, RevertAction.Restore),
            FileReverted => (null, RevertAction.Remove),
            _ => null,
        };
        if (target is not { } t)
        {
            return Refused(e.Data is FileUnreadable
                ? $"Event {e.Position} records that {path} could not be read; there is no content to go back to."
                : $"The content of {path} before event {e.Position} was not kept (the file was too large or unreadable then), so it cannot be restored.");
        }

        if (Unsafe(e, path) is { } unsafeReason)
        {
            return Refused(unsafeReason);
        }

        string writePath;
        try
        {
            writePath = WriteLocation(path);
        }
        catch (IOException ex)
        {
            return Refused($"{path} cannot be resolved ({ex.Message}); nothing was written.");
        }
        if (InsideInstallation(path, writePath) is { } installation)
        {
            return Refused(installation);
        }
        if (writePath != RealPaths.Locate(path) && !AllowedLocations(path).Contains(writePath))
        {
            return Refused($"{path} is a symlink to {writePath}, which is not a file GoWatch may revert; nothing was written. Edit {writePath} yourself, or replace the symlink with a file.");
        }
        if (!Directory.Exists(Path.GetDirectoryName(writePath)))
        {
            return Refused($"The directory of {path} no longer exists; nothing was written.");
        }

        var current = FileObserver.Observe(writePath, contentCapBytes);
        string? currentSha;
        byte[]? currentContent;
        switch (current)
        {
            case FileObservation.Unreadable u:
                return Refused($"{path} cannot be read now ({u.Reason}), so its content cannot be kept as a backup; nothing was written.");
            case FileObservation.Present { Content: null }:
                return Refused($"{path} is larger than the snapshot cap ({contentCapBytes} bytes), so its content cannot be kept as a backup; nothing was written.");
            case FileObservation.Present p:
                (currentSha, currentContent) = (p.Sha256, p.Content);
                break;
            default:
                (currentSha, currentContent) = (null, null);
                break;
        }

        var afterEvent = WatchedFilesState.Empty.When(e)[path];
        var changedSince = !Matches(afterEvent, current);
        if (changedSince && !request.Force)
        {
            return Refused(DescribeChangeSince(e, path, afterEvent, currentContent) +
                " Nothing was written. Use --force to revert anyway; the current content is kept as a backup.");
        }

        byte[]? targetContent = null;
        if (t.Sha is { } sha)
        {
            targetContent = store.Get(sha);
            if (targetContent is null)
            {
                return Refused($"The content of {path} before event {e.Position} (sha256 {Short(sha)}) is not in the store, so it cannot be restored.");
            }
        }

        var plan = new RevertPlan(path, writePath, e.Position, e.Type, t.Action, currentSha, t.Sha, currentContent, targetContent, changedSince);
        if (currentSha == t.Sha)
        {
            var nothing = t.Action == RevertAction.Remove
                ? $"{path} is already gone; nothing to do."
                : $"{path} already holds its content from before event {e.Position}; nothing to do.";
            return new RevertResult(RevertStatus.NothingToDo, nothing) { Plan = plan };
        }
        if (request.ExpectCurrent && request.ExpectedCurrentSha256 != currentSha)
        {
            return Refused($"{path} changed while the revert was waiting for confirmation; nothing was written. Look again with gowatch revert {e.Position} --dry-run.");
        }
        if (request.DryRun)
        {
            var would = t.Action == RevertAction.Remove
                ? $"Would remove {path} (it was created by event {e.Position})."
                : $"Would restore {path} to its content before event {e.Position}.";
            return new RevertResult(RevertStatus.Planned, would) { Plan = plan };
        }

        return Apply(plan, store.StreamVersion(e.Stream));
    }

    private RevertResult Apply(RevertPlan plan, long streamVersion)
    {
        // The replaced content is stored before anything is overwritten.
        var backup = plan.CurrentContent is { } replaced ? store.Put(replaced) : null;
        try
        {
            if (plan.TargetContent is { } content)
            {
                var mode = plan.CurrentSha256 is null ? RecreatedMode : File.GetUnixFileMode(plan.WritePath);
                WriteAtomically(plan.WritePath, content, mode);
            }
            else
            {
                File.Delete(RealPaths.Locate(plan.Path));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new RevertResult(RevertStatus.Failed, $"Could not write {plan.Path}: {ex.Message}. The file was left as it was and nothing was recorded.") { Plan = plan };
        }

        var recorded = store.Append(new AppendRequest(Streams.File(plan.Path), streamVersion,
            [new NewEvent(new FileReverted(plan.Path, plan.RevertedPosition, plan.TargetSha256, backup), source)])).Events[0];
        var message = plan.Action == RevertAction.Remove
            ? $"Removed {plan.Path} (created by event {plan.RevertedPosition}); recorded as event {recorded.Position}."
            : $"Restored {plan.Path} to its content before event {plan.RevertedPosition}; recorded as event {recorded.Position}.";
        if (backup is not null)
        {
            message += $" The replaced content is kept (sha256 {Short(backup)}); gowatch revert {recorded.Position} brings it back.";
        }
        return new RevertResult(RevertStatus.Reverted, message) { Plan = plan, RecordedPosition = recorded.Position, BackupSha256 = backup };
    }

    /// <summary>
    /// Why the event records no change that could be undone, or null when it does. A baseline has
    /// no "before"; a creation the store did not see (older versions recorded first sightings as
    /// FileCreated) must never make a revert delete a file the user always had.
    /// </summary>
    private static string? NotAChange(EventEnvelope e, string path) => e.Data switch
    {
        FileObserved => $"Event {e.Position} is when GoWatch first saw {path}, which already existed: a baseline, not a change, so there is nothing before it to go back to. To undo a later edit, revert that edit's event (gowatch history --path {path}).",
        FileCreated { Witnessed: false } => $"Event {e.Position} was recorded when GoWatch first looked at {path}; it did not see the file being created, so it will not delete it. Nothing was written.",
        _ => null,
    };

    /// <summary>Why the event's path must not be written at all, or null when it may be.</summary>
    private string? Unsafe(EventEnvelope e, string path)
    {
        // A stored event is data, not authority: it must name a normalised absolute path in its own stream.
        if (!Path.IsPathFullyQualified(path) || Path.GetFullPath(path) != path || e.Stream != Streams.File(path))
        {
            return $"Event {e.Position} names the path '{path}' in stream '{e.Stream}', which GoWatch would never record; it is not reverted.";
        }
        if (!catalogue.IsRevertible(path))
        {
            return catalogue.Find(path) is { } watched
                ? $"{path} is a {watched.FileClass} file that GoWatch only watches; it never writes system files or installations."
                : $"{path} is not in the catalogue of files GoWatch may revert (shell startup files, the Go env file, GoLand settings).";
        }
        return null;
    }

    /// <summary>
    /// Why a write would land inside a Go installation or a Homebrew prefix, or null when it
    /// would not. The catalogue can name such a path (GoLand lists a project inside GOROOT's
    /// <c>src</c>), so this looks at the directories themselves, whatever the catalogue says.
    /// </summary>
    private string? InsideInstallation(string path, string writePath)
    {
        foreach (var candidate in new[] { path, writePath }.Distinct(StringComparer.Ordinal))
        {
            for (var dir = Path.GetDirectoryName(candidate); dir is not null; dir = Path.GetDirectoryName(dir))
            {
                var kind = catalogue.Installations.Contains(dir, StringComparer.Ordinal) ? "Go installation or Homebrew prefix"
                    : File.Exists(Path.Combine(dir, "bin", "go")) && (File.Exists(Path.Combine(dir, "VERSION")) || Directory.Exists(Path.Combine(dir, "src", "runtime")) || Directory.Exists(Path.Combine(dir, "pkg", "tool"))) ? "Go installation"
                    : Directory.Exists(Path.Combine(dir, "Cellar")) || Directory.Exists(Path.Combine(dir, "Homebrew")) || File.Exists(Path.Combine(dir, "bin", "brew")) ? "Homebrew prefix"
                    : null;
                if (kind is not null)
                {
                    return $"{path} is inside the {kind} {dir}; GoWatch never writes into an installation. Nothing was written.";
                }
            }
        }
        return null;
    }

    /// <summary>The file a write really lands in: the path itself, or the final target when it is a symlink.</summary>
    private static string WriteLocation(string path) => RealPaths.Resolve(path);

    /// <summary>Where the revertible files of the catalogue really are (directories resolved, the files themselves not followed).</summary>
    private HashSet<string> AllowedLocations(string path)
    {
        var allowed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in catalogue.CurrentPaths().Append(path).Where(catalogue.IsRevertible))
        {
            try
            {
                if (Path.IsPathFullyQualified(candidate))
                {
                    allowed.Add(RealPaths.Locate(candidate));
                }
            }
            catch (IOException)
            {
                // A catalogue path that cannot be resolved cannot be a symlink's safe target either.
            }
        }
        return allowed;
    }

    private static bool Matches(FileSnapshot? recorded, FileObservation current) => (recorded?.Status ?? FileStatus.Absent, current) switch
    {
        (FileStatus.Absent, FileObservation.Absent) => true,
        (FileStatus.Present, FileObservation.Present p) => p.Sha256 == recorded!.Sha256,
        _ => false,
    };

    private string DescribeChangeSince(EventEnvelope e, string path, FileSnapshot? afterEvent, byte[]? currentContent)
    {
        var later = store.Query(new EventQuery { Stream = e.Stream, AfterPosition = e.Position, Ascending = true });
        var recordedLater = later.Count == 0
            ? ""
            : $" {later.Count} later event(s) are recorded for it (the newest is {later[^1].Position}: {later[^1].Type}).";
        var what = (afterEvent?.Status, currentContent) switch
        {
            (FileStatus.Present, null) => $"{path} was deleted since event {e.Position}.",
            (not FileStatus.Present, not null) => $"{path} was created again since event {e.Position}.",
            _ => $"{path} was edited since event {e.Position}{LineSummary(afterEvent?.Sha256, currentContent)}.",
        };
        return what + recordedLater;
    }

    private string LineSummary(string? recordedSha, byte[]? current)
    {
        if (recordedSha is null || current is null || store.Get(recordedSha) is not { } recorded)
        {
            return "";
        }
        var (added, removed) = LineChanges.Count(recorded, current);
        return $" (+{added} −{removed} lines)";
    }

    private static void WriteAtomically(string path, byte[] content, UnixFileMode mode)
    {
        var directory = Path.GetDirectoryName(path)!;
        // Dot-prefixed and .tmp-suffixed: no catalogue pattern matches it, so watchers ignore it.
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.gowatch-{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            }))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
            File.SetUnixFileMode(temp, mode);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private static RevertResult Refused(string message) => new(RevertStatus.Refused, message);

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] : sha;
}

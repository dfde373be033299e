using System.Text.Json;
using GoWatch.Events;
using GoWatch.Events.Model;
using GoWatch.Events.Serialization;

namespace GoWatch.Recording.Reporting;

/// <summary>
/// What one run of consecutive events contributes to a report, gathered in place as they are read
/// (no copy per event): changes per file, verification ticks, notifications, installations, and
/// the few events whose meaning depends on what came before them (drift, daemon starts and stops),
/// kept in order for <see cref="ReportModel"/> to fold once every part is in. Parts of a window
/// can be gathered at once and joined in position order.
/// </summary>
public sealed class ReportPart(ReportWindow window)
{
    private static readonly HashSet<string> ChangeTypes = new(StringComparer.Ordinal)
    {
        "FileCreated", "FileChanged", "FileDeleted", "FileReverted", "FileUnreadable", "InstallationChanged", "InstallationObserved",
    };

    private static readonly HashSet<string> CountedFileChanges = new(StringComparer.Ordinal) { "FileCreated", "FileChanged", "FileDeleted", "FileReverted" };

    private (long Position, DateTimeOffset Time)? _previous;

    /// <summary>Changes per file: the count per slice of the window, the total and the newest.</summary>
    public Dictionary<string, (int[] PerSlice, int Changes, DateTimeOffset Last)> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>The newest change of each file and installation stream in this part, as far as it has been read.</summary>
    public Dictionary<string, ChangeRef> LatestChange { get; } = new(StringComparer.Ordinal);

    /// <summary>Verification runs, folded per timeline column.</summary>
    public VerificationColumns Verifications { get; } = new();

    public List<NotificationMark> Notifications { get; } = [];

    public List<InstallationEvent> Installations { get; } = [];

    /// <summary>Drift and daemon events in order, each with what only this part could see at its time.</summary>
    public List<Lifecycle> Ordered { get; } = [];

    /// <summary>The last event of the part.</summary>
    public (long Position, DateTimeOffset Time)? Last => _previous;

    public long Count { get; private set; }

    public void Add(EventEnvelope e)
    {
        switch (e.Data)
        {
            case DriftDetected d:
                // The blamed change is named here when it is the newest of its stream so far (as it
                // usually is); otherwise the model looks it up by position afterwards.
                var blame = d.CausedBy is { } p ? Find(p) : null;
                Ordered.Add(new Lifecycle(e, blame, null));
                break;
            case DriftResolved or DaemonStopped:
                Ordered.Add(new Lifecycle(e, null, null));
                break;
            case DaemonStarted:
                Ordered.Add(new Lifecycle(e, null, _previous));
                break;
            case VerificationCompleted v:
                Verifications.Add(VerificationColumn.Of(window.Column(e.Time), e.Time, Errors(v)));
                break;
            case NotificationSent n:
                Notifications.Add(new NotificationMark(e.Position, e.Time, n.Channel, n.Title, n.Message, n.CheckIds, n.Delivered));
                break;
            default:
                if (ChangeTypes.Contains(e.Type))
                {
                    Changed(e);
                }
                break;
        }
        _previous = (e.Position, e.Time);
        Count++;
    }

    private BlamedChange? Find(long position)
    {
        foreach (var change in LatestChange.Values)
        {
            if (change.Position == position)
            {
                return change.ToBlamed();
            }
        }
        return null;
    }

    private static int Errors(VerificationCompleted v)
    {
        var errors = 0;
        foreach (var finding in v.Findings)
        {
            if (finding.Severity == "error")
            {
                errors++;
            }
        }
        return errors;
    }

    private void Changed(EventEnvelope e)
    {
        LatestChange[e.Stream] = new ChangeRef(e.Position, e.Type, e.Stream, e.Time);
        if (e.Time < window.From)
        {
            return;
        }
        if (e.Stream.StartsWith("file:", StringComparison.Ordinal) && CountedFileChanges.Contains(e.Type))
        {
            var slice = Math.Min(ReportModel.Slices - 1, (int)(window.Fraction(e.Time) * ReportModel.Slices));
            // Streams name the path after "file:": the lookup by stream avoids cutting a string per event.
            ref var file = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(Files, e.Stream, out var exists);
            if (!exists)
            {
                file = (new int[ReportModel.Slices], 0, DateTimeOffset.MinValue);
            }
            file.PerSlice[slice]++;
            file.Changes++;
            file.Last = e.Time > file.Last ? e.Time : file.Last;
        }
        else if (e.Stream.StartsWith("install:", StringComparison.Ordinal))
        {
            Installations.Add(Installation(e));
        }
    }

    private static InstallationEvent Installation(EventEnvelope e)
    {
        var path = ReportModel.SubjectOf(e.Stream);
        if (e.Data is InstallationChanged c)
        {
            var existed = c.Before?.Exists == true;
            var change = !existed && c.After.Exists ? InstallationChange.Appeared : existed && !c.After.Exists ? InstallationChange.Disappeared : InstallationChange.Changed;
            return new InstallationEvent(e.Position, e.Time, path, change, c.Before?.Version, c.After.Version);
        }
        // InstallationObserved: read its version from the payload, whatever record carries it.
        return new InstallationEvent(e.Position, e.Time, path, InstallationChange.Observed, null, FindVersion(EventJson.SerializeData(e.Data)));
    }

    private static string? FindVersion(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return Find(doc.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }

        static string? Find(JsonElement element)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            foreach (var property in element.EnumerateObject())
            {
                if (property.NameEquals("version") && property.Value.ValueKind == JsonValueKind.String)
                {
                    return property.Value.GetString();
                }
                if (Find(property.Value) is { } nested)
                {
                    return nested;
                }
            }
            return null;
        }
    }

    /// <summary>A recorded change, by value: what a blame needs of it, without an object per change read.</summary>
    public readonly record struct ChangeRef(long Position, string Type, string Stream, DateTimeOffset Time)
    {
        public BlamedChange ToBlamed() => new(Position, Type, Stream, Time);
    }

    /// <summary>
    /// A drift or daemon event, with the change it blames when this part saw it as its stream's newest,
    /// and (for a start) the event just before it when that was in this part.
    /// </summary>
    public readonly record struct Lifecycle(EventEnvelope Event, BlamedChange? Blame, (long Position, DateTimeOffset Time)? Previous);
}

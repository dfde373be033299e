using System.Collections.Frozen;
using System.Reflection;
using GoWatch.Events.Model;

namespace GoWatch.Events.Serialization;

/// <summary>Maps stored type names to payload records and back.</summary>
public static class EventTypeRegistry
{
    private static readonly FrozenDictionary<string, (Type Type, int Schema)> ByName;
    private static readonly FrozenDictionary<Type, (string Name, int Schema)> ByType;

    /// <summary>
    /// Every payload record, listed rather than found by reflection so that a native (trimmed)
    /// daemon keeps them; a test compares the list with the model's [EventType] records.
    /// </summary>
    private static readonly Type[] Payloads =
    [
        typeof(WatchError), typeof(DaemonStarted), typeof(DaemonStopped),
        typeof(FileObserved), typeof(FileCreated), typeof(FileChanged), typeof(FileDeleted), typeof(FileUnreadable), typeof(FileReverted),
        typeof(InstallationObserved), typeof(InstallationChanged), typeof(ProjectWatched), typeof(ProjectUnwatched),
        typeof(VerificationCompleted), typeof(DriftDetected), typeof(DriftResolved), typeof(NotificationSent),
    ];

    static EventTypeRegistry()
    {
        var types = Payloads.Select(t => (Type: t, Attr: t.GetCustomAttribute<EventTypeAttribute>()!)).ToList();
        ByName = types.ToFrozenDictionary(x => x.Attr.Name, x => (x.Type, x.Attr.SchemaVersion), StringComparer.Ordinal);
        ByType = types.ToFrozenDictionary(x => x.Type, x => (x.Attr.Name, x.Attr.SchemaVersion));
    }

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static bool IsKnown(string name) => ByName.ContainsKey(name);

    public static (string Name, int SchemaVersion) NameOf(IEvent data) => data switch
    {
        UnknownEvent u => (u.StoredType, 1),
        _ when ByType.TryGetValue(data.GetType(), out var n) => n,
        _ => throw new ArgumentException($"{data.GetType().Name} has no [EventType] name."),
    };

    public static Type? TypeOf(string name) => ByName.TryGetValue(name, out var t) ? t.Type : null;
}

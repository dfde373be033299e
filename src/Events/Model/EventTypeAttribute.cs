namespace GoWatch.Events.Model;

/// <summary>
/// The stored name of an event type. It never depends on the CLR type name, so renaming a
/// record cannot orphan history.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventTypeAttribute(string name, int schemaVersion = 1) : Attribute
{
    public string Name { get; } = name;
    public int SchemaVersion { get; } = schemaVersion;
}

namespace GoWatch.Events.Model;

/// <summary>An event about one file; its path is indexed so history can be filtered by it.</summary>
public interface IFileEvent : IEvent
{
    string Path { get; }
}

using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Probes;

/// <summary>Port: looks at paths on disk so that checks never have to.</summary>
public interface IPathProbe
{
    /// <summary>Probes each path; a missing, unreadable or relative path is a fact (<see cref="PathKind.Missing"/>), never an exception.</summary>
    PathFacts Probe(IEnumerable<string> paths);
}

using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Catalogue;

/// <summary>
/// Where a Go variable's value comes from. Go reads its process environment first and its env
/// file second; <c>go env</c> shows the result. Each source keeps its own evidence so a
/// finding can blame the exact line.
/// </summary>
internal static class GoValues
{
    public sealed record Source(string Name, string Value, Evidence? Evidence);

    public static Source? Shell(MachineFacts facts, string name) =>
        facts.Shell.Get(name) is { } v ? new Source("login shell", v, facts.Shell.AssignmentOf(name) ?? Evidence.Note($"{name}={v} (exported by the login shell)")) : null;

    public static Source? EnvFile(MachineFacts facts, string name) =>
        facts.GoEnvFile.Get(name) is { } e ? new Source("Go env file", e.Value, facts.GoEnvFile.EvidenceFor(name)) : null;

    public static Source? GoEnv(MachineFacts facts, string name) =>
        facts.Go?.EnvValue(name) is { } v ? new Source("go env", v, Evidence.Note($"go env {name} = {v}")) : null;

    /// <summary>The value Go uses, blamed on the source that set it: shell over env file; go env when neither says.</summary>
    public static Source? Effective(MachineFacts facts, string name) =>
        NonEmpty(Shell(facts, name)) ?? NonEmpty(EnvFile(facts, name)) ?? NonEmpty(GoEnv(facts, name));

    /// <summary>Every source that sets <paramref name="name"/> (shell, env file, GoLand projects).</summary>
    public static IEnumerable<Source> All(MachineFacts facts, string name, bool includeGoLand = false)
    {
        if (Shell(facts, name) is { } s)
        {
            yield return s;
        }
        if (EnvFile(facts, name) is { } f)
        {
            yield return f;
        }
        if (!includeGoLand)
        {
            yield break;
        }
        foreach (var project in facts.GoLand.Projects)
        {
            if (project.Environment.TryGetValue(name, out var entry))
            {
                yield return new Source($"GoLand project {project.Directory}", entry.Value, entry.Evidence);
            }
        }
    }

    private static Source? NonEmpty(Source? source) => source is { Value.Length: > 0 } ? source : null;
}

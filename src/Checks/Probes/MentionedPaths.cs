using GoWatch.Checks.Catalogue;
using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Probes;

/// <summary>
/// Every path the gathered facts mention that a check may ask about: GOROOTs (and their
/// <c>bin/go</c>), GOPATH and GOBIN entries, the go that runs and its root, installation roots,
/// GoLand's project GOROOTs and SDKs, and the toolchains go.mod files ask for on PATH. The path probe looks at exactly these.
/// </summary>
internal static class MentionedPaths
{
    private static readonly string[] GoVariables = ["GOROOT", "GOPATH", "GOBIN"];

    public static IReadOnlyList<string> Of(MachineFacts facts)
    {
        var paths = new List<string>();
        void Add(string? path)
        {
            if (!string.IsNullOrEmpty(path))
            {
                paths.Add(path);
            }
        }

        foreach (var name in GoVariables)
        {
            foreach (var source in GoValues.All(facts, name).Append(GoValues.GoEnv(facts, name)).OfType<GoValues.Source>())
            {
                foreach (var entry in source.Value.Split(':', StringSplitOptions.RemoveEmptyEntries))
                {
                    Add(entry);
                    Add(Path.Combine(entry, "bin"));
                    Add(Path.Combine(entry, "bin", "go"));
                }
            }
        }
        Add(facts.Go?.Path);
        Add(facts.Go?.ResolvedPath);
        Add(facts.Go?.Root);
        foreach (var installation in facts.Installations.Installations)
        {
            Add(installation.Root);
            Add(Path.Combine(installation.Root, "bin"));
        }
        foreach (var project in facts.GoLand.Projects)
        {
            Add(project.Goroot);
        }
        foreach (var sdk in facts.GoLand.Sdks)
        {
            Add(sdk.Home);
        }
        // The goX.Y.Z programs go would look for on PATH before downloading a toolchain a go.mod asks for.
        foreach (var toolchain in Toolchain.ToolchainSelection.WantedOnPath(facts))
        {
            foreach (var entry in facts.Shell.PathEntries.Where(e => e.StartsWith('/')))
            {
                Add(Path.Combine(entry, toolchain));
            }
        }
        return paths.Select(PathFacts.Normalize).Distinct(StringComparer.Ordinal).ToList();
    }
}

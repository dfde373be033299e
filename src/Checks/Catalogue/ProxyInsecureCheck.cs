using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Catalogue;

/// <summary><c>proxy.insecure</c>: GOPROXY=off, GOSUMDB=off, a no-sum/insecure/private pattern covering every module, or <c>-insecure</c> in GOFLAGS.</summary>
internal sealed class ProxyInsecureCheck() : Check("proxy.insecure", Severity.Warning, CheckArea.Environment)
{
    private static readonly string[] CoverAll = ["GONOSUMDB", "GONOSUMCHECK", "GOINSECURE", "GOPRIVATE"];

    public override CheckOutcome Evaluate(MachineFacts facts)
    {
        if (facts.Shell.Environment is null && facts.Go?.Env is null && facts.GoEnvFile.Entries.Count == 0)
        {
            return NoShell(facts);
        }
        var problems = new List<string>();
        var evidence = new List<Evidence?>();
        void Add(string problem, GoValues.Source source)
        {
            problems.Add(problem);
            evidence.Add(source.Evidence);
        }

        if (GoValues.Effective(facts, "GOPROXY") is { } proxy && proxy.Value.Trim() == "off")
        {
            Add("GOPROXY=off: no module can be downloaded", proxy);
        }
        if (GoValues.Effective(facts, "GOSUMDB") is { } sumdb && sumdb.Value.Trim() == "off")
        {
            Add("GOSUMDB=off: downloaded modules are not verified against the checksum database", sumdb);
        }
        foreach (var name in CoverAll)
        {
            if (GoValues.Effective(facts, name) is { } source &&
                source.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(p => p is "*" or "*/*"))
            {
                Add($"{name}={source.Value} covers every module, so no checksum is verified", source);
            }
        }
        if (GoValues.Effective(facts, "GOFLAGS") is { } flags &&
            flags.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(f => f is "-insecure" or "--insecure" or "-insecure=true"))
        {
            Add("GOFLAGS has -insecure: modules may be fetched over plain HTTP", flags);
        }
        if (problems.Count == 0)
        {
            return CheckOutcome.Pass;
        }
        return Fail("Module downloads are not verified",
            string.Join("; ", problems) + ". A tampered or typo-squatted module would go unnoticed.",
            evidence,
            "Use the defaults: GOPROXY=https://proxy.golang.org,direct and GOSUMDB=sum.golang.org; limit GOPRIVATE/GONOSUMDB to your own hosts (e.g. github.com/yourorg/*); remove -insecure from GOFLAGS (go env -u NAME for the env file).");
    }
}

using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Catalogue;

/// <summary><c>go.arch-mismatch</c>: the <c>go</c> that runs is built for another CPU than the host (by header or <c>GOHOSTARCH</c>).</summary>
internal sealed class GoArchMismatchCheck() : Check("go.arch-mismatch", Severity.Error, CheckArea.Toolchain)
{
    public override CheckOutcome Evaluate(MachineFacts facts)
    {
        if (facts.Go is not { Path: { } goPath } go)
        {
            return CheckOutcome.Skip("no go on PATH");
        }
        var host = facts.Host.Arch;
        var hostArch = go.EnvValue("GOHOSTARCH");
        if (!go.Header.IsKnown && string.IsNullOrEmpty(hostArch))
        {
            return CheckOutcome.Skip("neither the header of go nor go env tells its architecture");
        }
        var evidence = new List<Evidence>();
        if (go.Header.IsKnown && !go.Header.RunsNativelyOn(host))
        {
            evidence.Add(new Evidence(go.ResolvedPath ?? goPath, null, $"binary header: {go.Header}"));
        }
        if (!string.IsNullOrEmpty(hostArch) && hostArch != host)
        {
            evidence.Add(Evidence.Note($"go env GOHOSTARCH = {hostArch}"));
        }
        if (evidence.Count == 0)
        {
            return CheckOutcome.Pass;
        }
        var built = go.Header.IsKnown ? string.Join("/", go.Header.Architectures) : hostArch;
        var rosetta = facts.Host.IsAppleSilicon ? " It runs under Rosetta, builds amd64 binaries by default and cgo/debugging break." : "";
        var os = facts.Host.Platform == GoWatch.Platform.PlatformKind.MacOS ? "darwin" : "linux";
        return Fail($"go is built for {built}, but this machine is {host}",
            $"{goPath} is an {built} build of Go.{rosetta}",
            evidence,
            $"Remove it and install the {os}-{host} build from https://go.dev/dl/ (e.g. sudo rm -rf {ShellSyntax.Quote(go.Root ?? goPath)}, then install go1.x.{os}-{host}).");
    }
}

using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Probes;

/// <summary>Port: lists the executables <c>go install</c> put in GOBIN and GOPATH's <c>bin</c>.</summary>
public interface IToolScanner
{
    /// <summary>Reads the header of every executable in <paramref name="directories"/>, and the build info of those not built for <paramref name="hostArch"/>.</summary>
    ToolFacts Scan(IReadOnlyList<string> directories, string hostArch);
}

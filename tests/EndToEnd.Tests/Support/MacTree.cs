using System.Text.Json;

namespace GoWatch.EndToEnd.Tests.Support;

/// <summary>Builds Mac-like pieces in a harness: fake Go installs that answer like a Mac's go, GoLand files.</summary>
public static class MacTree
{
    /// <summary>A Go root whose <c>bin/go</c> is a script answering <c>version</c> and <c>env -json</c> for <paramref name="arch"/>.</summary>
    public static string FakeGoRoot(string root, string arch, string version = "go1.22.5")
    {
        var env = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["GOROOT"] = root,
            ["GOARCH"] = arch,
            ["GOHOSTARCH"] = arch,
            ["GOOS"] = "darwin",
            ["GOHOSTOS"] = "darwin",
            ["GOVERSION"] = version,
            ["GOPATH"] = "/nonexistent/go",
            ["CGO_ENABLED"] = "0",
            ["GO111MODULE"] = "",
        });
        var bin = Path.Combine(root, "bin", "go");
        Directory.CreateDirectory(Path.GetDirectoryName(bin)!);
        Executables.Write(bin, $"""
            #!/bin/sh
            if [ "$1" = env ]; then printf '%s\n' '{env}'; exit 0; fi
            if [ "$1" = version ]; then echo 'go version {version} darwin/{arch}'; exit 0; fi
            exit 2

            """);
        File.WriteAllText(Path.Combine(root, "VERSION"), $"{version}\ntime 2024-06-01T00:00:00Z\n");
        return bin;
    }

    public static string Workspace(string gorootUrl) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <project version="4">
          <component name="GOROOT" url="{System.Security.SecurityElement.Escape(gorootUrl)}" />
          <component name="VgoProject">
            <integration-enabled>true</integration-enabled>
          </component>
        </project>
        """;

    public static string RecentProjects(params string[] paths) => $"""
        <application>
          <component name="RecentProjectsManager">
            <option name="additionalInfo">
              <map>
                {string.Join("\n", paths.Select(p => $"<entry key=\"{System.Security.SecurityElement.Escape(p)}\"><value><RecentProjectMetaInfo /></value></entry>"))}
              </map>
            </option>
          </component>
        </application>
        """;
}

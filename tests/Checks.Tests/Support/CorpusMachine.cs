using GoWatch.Platform;

namespace GoWatch.Checks.Tests.Support;

/// <summary>
/// The machine a corpus setup runs on: a Mac-like (Apple Silicon, Homebrew in /opt/homebrew) or
/// Linux-like (amd64) tree under the scenario's system root, with the Go installations the case
/// names (<c>homebrew</c>, a system path, or <c>~/…</c> for a version manager's Go in HOME). Each <c>go</c> is a script that answers <c>go env</c> the way Go does: a variable set in
/// the environment wins, then the Go env file (<c>$GOENV</c>, else the platform's default place),
/// then Go's default.
/// </summary>
public static class CorpusMachine
{
    /// <summary>Lays out the tree and returns the Go env file Go reads by default on it.</summary>
    public static string LayOut(Scenario s, PlatformKind platform, IReadOnlyList<string> installs)
    {
        var mac = platform == PlatformKind.MacOS;
        s.WithPlatform(platform).WithHostArch(mac ? "arm64" : "amd64");
        foreach (var install in installs)
        {
            switch (install)
            {
                case "homebrew":
                    Homebrew(s, mac);
                    break;
                case "/usr/local/go":
                case "/usr/lib/go-1.19":
                    HonestGo(s, s.Sys(install), mac, install == "/usr/lib/go-1.19" ? "go1.19.8" : "go1.22.5");
                    break;
                case var home when home.StartsWith("~/", StringComparison.Ordinal):
                    // A version manager's Go (goenv, asdf, gvm) in HOME: its version is in its path.
                    var version = System.Text.RegularExpressions.Regex.Match(home, @"\d+\.\d+(\.\d+)?") is { Success: true } m ? "go" + m.Value : "go1.22.5";
                    HonestGo(s, Path.Combine(s.Home, home[2..]), mac, version);
                    break;
                default:
                    throw new ArgumentException($"unknown Go installation {install}", nameof(installs));
            }
        }
        return mac
            ? Path.Combine(s.Home, "Library", "Application Support", "go", "env")
            : Path.Combine(s.Home, ".config", "go", "env");
    }

    /// <summary>Homebrew's Go in the Cellar, linked as opt/go and bin/go, and a brew that answers --prefix and shellenv.</summary>
    private static void Homebrew(Scenario s, bool mac)
    {
        var prefix = s.Sys(mac ? "/opt/homebrew" : "/home/linuxbrew/.linuxbrew");
        HonestGo(s, Path.Combine(prefix, "Cellar", "go", "1.22.5", "libexec"), mac, "go1.22.5");
        Directory.CreateDirectory(Path.Combine(prefix, "opt"));
        File.CreateSymbolicLink(Path.Combine(prefix, "opt", "go"), Path.Combine(prefix, "Cellar", "go", "1.22.5"));
        Directory.CreateDirectory(Path.Combine(prefix, "bin"));
        File.CreateSymbolicLink(Path.Combine(prefix, "bin", "go"), Path.Combine(prefix, "Cellar", "go", "1.22.5", "libexec", "bin", "go"));
        var brew = Executables.Write(Path.Combine(prefix, "bin", "brew"), $$"""
            #!/bin/sh
            prefix={{Scenario.Sh(prefix)}}
            case "$1" in
              --prefix) if [ -n "$2" ]; then echo "$prefix/opt/$2"; else echo "$prefix"; fi ;;
              shellenv) echo "export HOMEBREW_PREFIX=\"$prefix\"; export PATH=\"$prefix/bin:$prefix/sbin\${PATH+:\$PATH}\";" ;;
              *) exit 1 ;;
            esac

            """);
    }

    /// <summary>A Go root whose bin/go reads its environment and env file like Go.</summary>
    private static void HonestGo(Scenario s, string root, bool mac, string version)
    {
        var goos = mac ? "darwin" : "linux";
        var arch = mac ? "arm64" : "amd64";
        var defaultEnvFile = mac ? "$HOME/Library/Application Support/go/env" : "${XDG_CONFIG_HOME:-$HOME/.config}/go/env";
        string[] names = ["GOROOT", "GOPATH", "GOBIN", "GOENV", "GOFLAGS", "GO111MODULE", "GOPROXY", "GOSUMDB", "GOPRIVATE", "GOTOOLCHAIN", "GOVERSION", "GOOS", "GOARCH", "GOHOSTOS", "GOHOSTARCH", "CGO_ENABLED", "CC"];
        var script = $$"""
            #!/bin/sh
            GOVERSION={{version}}; GOOS={{goos}}; GOARCH={{arch}}; GOHOSTOS={{goos}}; GOHOSTARCH={{arch}}
            [ -n "$GOENV" ] || GOENV="{{defaultEnvFile}}"
            val() {
              eval "v=\${$1-}"
              if [ -z "$v" ] && [ "$GOENV" != off ] && [ -f "$GOENV" ]; then v=$(sed -n "s/^$1=//p" "$GOENV" | tail -n 1); fi
              [ -n "$v" ] || v=$2
              printf '%s' "$v" | sed 's/\\/\\\\/g; s/"/\\"/g'
            }
            if [ "$1" = env ] && [ "$2" != -json ]; then
              # go env NAME…: one value a line, as $(go env GOPATH) in a startup file reads it.
              shift
              for name in "$@"; do
                case "$name" in
                  GOROOT) val GOROOT {{Scenario.Sh(root)}} ;;
                  GOPATH) val GOPATH "$HOME/go" ;;
                  *) val "$name" '' ;;
                esac
                echo
              done
              exit 0
            fi
            if [ "$1" = env ]; then
              printf '{'
              printf '"GOROOT":"%s",' "$(val GOROOT {{Scenario.Sh(root)}})"
              printf '"GOPATH":"%s",' "$(val GOPATH "$HOME/go")"
              printf '"GOPROXY":"%s",' "$(val GOPROXY https://proxy.golang.org,direct)"
              printf '"GOSUMDB":"%s",' "$(val GOSUMDB sum.golang.org)"
              printf '"GOTOOLCHAIN":"%s",' "$(val GOTOOLCHAIN auto)"
              printf '"CGO_ENABLED":"%s",' "$(val CGO_ENABLED 0)"
              printf '"CC":"%s",' "$(val CC clang)"
            {{string.Join("\n", names.Where(n => n is not ("GOROOT" or "GOPATH" or "GOPROXY" or "GOSUMDB" or "GOTOOLCHAIN" or "CGO_ENABLED" or "CC")).Select(n => $"  printf '\"{n}\":\"%s\",' \"$(val {n} '')\""))}}
              printf '"GOMODCACHE":"%s"}\n' "$(val GOPATH "$HOME/go")/pkg/mod"
              exit 0
            fi
            if [ "$1" = version ]; then echo "go version $GOVERSION $GOOS/$GOARCH"; exit 0; fi
            exit 2

            """;
        var bin = Executables.Write(Path.Combine(root, "bin", "go"), script);
        Scenario.WriteFile(Path.Combine(root, "VERSION"), version + "\ntime 2024-01-01T00:00:00Z\n");
    }
}

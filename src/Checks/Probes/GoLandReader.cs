using System.Xml.Linq;
using System.Xml;
using GoWatch.Checks.Facts;
using GoWatch.Platform.Locations;
using GoWatch.Platform.Security;

namespace GoWatch.Checks.Probes;

/// <summary>
/// Reads GoLand's XML settings with LINQ to XML, expanding JetBrains path macros
/// (<c>$USER_HOME$</c>, <c>$PROJECT_DIR$</c>). A malformed file is recorded as a problem
/// with its file and line: the IDE will not read it either, and it must never crash a check.
/// </summary>
public sealed class GoLandReader : IGoLandReader
{
    private static readonly string[] SdkOptionNames = ["homeUrl", "homePath", "url", "home", "path"];

    /// <inheritdoc />
    public Task<GoLandFacts> ReadAsync(GoWatchSettings settings, IReadOnlyList<string> extraProjects, CancellationToken cancellationToken) =>
        Task.Run(() => Read(settings, extraProjects), cancellationToken);

    /// <summary>Synchronous form of <see cref="ReadAsync"/>.</summary>
    public static GoLandFacts Read(GoWatchSettings settings, IReadOnlyList<string> extraProjects)
    {
        var problems = new List<Evidence>();
        var configDir = FileSystemPaths.Directories(settings.JetBrainsConfigRoot, "GoLand*").LastOrDefault();
        var sdks = new List<GoLandSdk>();
        var libraries = new List<string>();
        var projectDirs = new List<string>();

        if (configDir is not null)
        {
            var options = Path.Combine(configDir, "options");
            if (Load(Path.Combine(options, "go.sdk.xml"), problems) is { } sdkDoc)
            {
                // GoLand writes <component name="GoSdkList"><sdk-url><set><option value="file://…"/> (older: <sdk-path>);
                // named options (homeUrl, homePath …) under a GoSdk are read too.
                foreach (var option in sdkDoc.Descendants("option").Where(IsSdkOption))
                {
                    if ((string?)option.Attribute("value") is { Length: > 0 } value)
                    {
                        var home = ExpandPath(value, settings.Home, null);
                        sdks.Add(new GoLandSdk(home, At(Path.Combine(options, "go.sdk.xml"), option), ReleaseOf(home)));
                    }
                }
            }
            if (Load(Path.Combine(options, "goLibraries.xml"), problems) is { } libDoc)
            {
                libraries.AddRange(libDoc.Descendants("option")
                    .Select(o => (string?)o.Attribute("value"))
                    .Where(v => v is { Length: > 0 } && (v.StartsWith("file://", StringComparison.Ordinal) || v.StartsWith('/') || v.StartsWith('$')))
                    .Select(v => ExpandPath(v!, settings.Home, null)));
            }
            if (Load(Path.Combine(options, "recentProjects.xml"), problems) is { } recentDoc)
            {
                projectDirs.AddRange(RecentProjects(recentDoc).Select(p => ExpandPath(p, settings.Home, null)));
            }
        }
        projectDirs.AddRange(extraProjects.Select(p => Path.GetFullPath(p)));

        var projects = projectDirs
            .Select(FileSystemPaths.Normalize)
            .Distinct(StringComparer.Ordinal)
            .Where(Directory.Exists)
            .Select(dir => ReadProject(dir, settings.Home, problems))
            .ToList();

        return new GoLandFacts
        {
            ConfigDirectory = configDir,
            Sdks = sdks,
            Libraries = libraries,
            Projects = projects,
            Problems = problems,
        };
    }

    // The Go release an SDK root holds: the first line of its VERSION file, read only from a small regular file.
    private static string? ReleaseOf(string root)
    {
        try
        {
            var version = Path.Combine(root, "VERSION");
            return Path.IsPathFullyQualified(root) && File.Exists(version) && RegularFile.ReadAllText(version, 64 * 1024) is { } text
                ? text.ReplaceLineEndings("\n").Split('\n')[0].Trim() is { Length: > 0 } line ? line : null
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    private static bool IsSdkOption(XElement option) =>
        option.Attribute("name") is { } name
            ? SdkOptionNames.Contains(name.Value) && option.Ancestors().Any(a => a.Name.LocalName is "GoSdk" or "list" or "component")
            : option.Ancestors().Any(a => a.Name.LocalName is "sdk-url" or "sdk-path");

    /// <summary>Expands JetBrains macros and strips a <c>file://</c> scheme.</summary>
    public static string ExpandPath(string value, string home, string? projectDir)
    {
        var text = value.Trim();
        if (text.StartsWith("file://", StringComparison.Ordinal))
        {
            text = text["file://".Length..];
        }
        text = text.Replace("$USER_HOME$", home, StringComparison.Ordinal);
        if (projectDir is not null)
        {
            text = text.Replace("$PROJECT_DIR$", projectDir, StringComparison.Ordinal);
        }
        return text.Length > 1 ? text.TrimEnd('/') : text;
    }

    private static IEnumerable<string> RecentProjects(XDocument doc)
    {
        // Newer GoLand: <option name="additionalInfo"><map><entry key="PATH">…; older: <option name="recentPaths"><list><option value="PATH"/>.
        foreach (var option in doc.Descendants("option"))
        {
            var name = (string?)option.Attribute("name");
            if (name == "additionalInfo")
            {
                foreach (var entry in option.Descendants("entry"))
                {
                    if ((string?)entry.Attribute("key") is { Length: > 0 } key)
                    {
                        yield return key;
                    }
                }
            }
            else if (name is "recentPaths" or "openPaths")
            {
                foreach (var item in option.Descendants("option"))
                {
                    if ((string?)item.Attribute("value") is { Length: > 0 } value)
                    {
                        yield return value;
                    }
                }
            }
        }
    }

    private static GoLandProject ReadProject(string dir, string home, List<Evidence> problems)
    {
        var project = new GoLandProject { Directory = dir, GoMod = ReadGoMod(Path.Combine(dir, "go.mod")) };
        var workspace = Path.Combine(dir, ".idea", "workspace.xml");
        if (Load(workspace, problems) is not { } doc)
        {
            return File.Exists(workspace) ? project with { WorkspaceFile = workspace } : project;
        }
        project = project with { WorkspaceFile = workspace };

        var components = doc.Descendants("component").ToList();
        if (components.FirstOrDefault(c => (string?)c.Attribute("name") == "GOROOT") is { } goroot &&
            ((string?)goroot.Attribute("url") ?? (string?)goroot.Attribute("path")) is { Length: > 0 } rootValue)
        {
            var root = ExpandPath(rootValue, home, dir);
            project = project with { Goroot = root, GorootVersion = ReleaseOf(root), GorootEvidence = At(workspace, goroot) };
        }

        if (components.FirstOrDefault(c => (string?)c.Attribute("name") == "VgoProject") is { } vgo)
        {
            var flag = vgo.Element("integration-enabled")
                ?? vgo.Elements("option").FirstOrDefault(o => (string?)o.Attribute("name") == "integration-enabled");
            var flagText = flag is null ? null : (string?)flag.Attribute("value") ?? flag.Value;
            if (bool.TryParse(flagText?.Trim(), out var enabled))
            {
                project = project with { ModulesIntegration = enabled, ModulesEvidence = At(workspace, flag!) };
            }
            var env = new Dictionary<string, (string, Evidence)>(StringComparer.Ordinal);
            foreach (var entry in (vgo.Element("environment") ?? new XElement("none")).Descendants("entry"))
            {
                if ((string?)entry.Attribute("key") is { Length: > 0 } key)
                {
                    env[key] = ((string?)entry.Attribute("value") ?? "", At(workspace, entry));
                }
            }
            project = project with { Environment = env };
        }
        return project;
    }

    private static GoModFacts? ReadGoMod(string path)
    {
        string[] lines;
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }
            // go.mod is small: a regular file of at most 1 MiB, never a FIFO or device.
            if (RegularFile.ReadAllText(path, 1024 * 1024) is not { } text)
            {
                return new GoModFacts(path, null, null, null, null, "not a regular file of at most 1 MiB");
            }
            lines = text.ReplaceLineEndings("\n").Split('\n');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new GoModFacts(path, null, null, null, null, ex.Message);
        }
        string? go = null, toolchain = null;
        Evidence? goLine = null, toolchainLine = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i];
            var comment = text.IndexOf("//", StringComparison.Ordinal);
            var words = (comment >= 0 ? text[..comment] : text).Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (words is ["go", var v])
            {
                go = v;
                goLine = new Evidence(path, i + 1, text.Trim());
            }
            else if (words is ["toolchain", var t])
            {
                toolchain = t;
                toolchainLine = new Evidence(path, i + 1, text.Trim());
            }
        }
        return new GoModFacts(path, go, goLine, toolchain, toolchainLine);
    }

    private static XDocument? Load(string path, List<Evidence> problems)
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            // GoLand's XML is read only from a regular file, and only up to 16 MiB.
            if (RegularFile.ReadAllBytes(path, 16 * 1024 * 1024) is not { } bytes)
            {
                problems.Add(new Evidence(path, null, "larger than 16 MiB; not read"));
                return null;
            }
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings, path);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            problems.Add(new Evidence(path, ex.LineNumber > 0 ? ex.LineNumber : null, $"not valid XML: {ex.Message}"));
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new Evidence(path, null, $"cannot be read: {ex.Message}"));
            return null;
        }
    }

    private static Evidence At(string file, XElement element)
    {
        var line = element is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : (int?)null;
        var text = element.HasElements ? new XElement(element.Name, element.Attributes()).ToString(SaveOptions.DisableFormatting) : element.ToString(SaveOptions.DisableFormatting);
        return new Evidence(file, line, text);
    }
}

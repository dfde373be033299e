using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using GoWatch.Platform.Processes;

namespace GoWatch.Platform.Tests.Support;

/// <summary>Reads XML property lists into plain values, and runs the real <c>plistutil</c> over them.</summary>
public static class Plist
{
    /// <summary>
    /// The root dict of an XML plist as string → value, where a value is a string, bool, long,
    /// list or nested dictionary. Throws on anything that is not well-formed plist XML.
    /// </summary>
    public static Dictionary<string, object> ReadRootDict(string xml)
    {
        // Parse the DOCTYPE but never fetch Apple's DTD.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        var document = XDocument.Load(reader);
        var plist = document.Root ?? throw new FormatException("No root element.");
        Assert.Equal("plist", plist.Name.LocalName);
        var dict = Assert.Single(plist.Elements());
        return (Dictionary<string, object>)ReadValue(dict);
    }

    private static object ReadValue(XElement element) => element.Name.LocalName switch
    {
        "string" => element.Value,
        "true" => true,
        "false" => false,
        "integer" => long.Parse(element.Value, CultureInfo.InvariantCulture),
        "array" => element.Elements().Select(ReadValue).ToList(),
        "dict" => ReadDict(element),
        var other => throw new FormatException($"Unexpected plist element <{other}>."),
    };

    private static Dictionary<string, object> ReadDict(XElement dict)
    {
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        var children = dict.Elements().ToList();
        Assert.True(children.Count % 2 == 0, "A dict holds key/value pairs.");
        for (var i = 0; i < children.Count; i += 2)
        {
            Assert.Equal("key", children[i].Name.LocalName);
            result.Add(children[i].Value, ReadValue(children[i + 1]));
        }
        return result;
    }

    /// <summary>
    /// Converts the plist file to binary with plistutil (libplist, the parser iOS tooling uses) and
    /// back to XML, and returns that XML: only a plist libplist fully understood survives the trip.
    /// plistutil exits 0 even when it fails, so the output file is what tells.
    /// </summary>
    public static async Task<string> RoundTripThroughPlistutil(string plistFile, string workDir)
    {
        var binary = Path.Combine(workDir, "roundtrip.bplist");
        var xml = Path.Combine(workDir, "roundtrip.xml");
        var toBinary = await ProcessRunner.RunAsync(new ProcessSpec("plistutil", ["-i", plistFile, "-o", binary, "-f", "bin"]), CancellationToken.None);
        Assert.True(toBinary.Succeeded && File.Exists(binary) && toBinary.Stderr.Length == 0,
            $"plistutil rejected the plist: exit {toBinary.ExitCode} {toBinary.StartError} {toBinary.Stderr}");
        var toXml = await ProcessRunner.RunAsync(new ProcessSpec("plistutil", ["-i", binary, "-o", xml, "-f", "xml"]), CancellationToken.None);
        Assert.True(toXml.Succeeded && File.Exists(xml), $"plistutil could not convert back: {toXml.Stderr}");
        // libplist keeps a carriage return in a string but writes it raw, and XML readers must turn a
        // raw CR into LF; libplist's own line ends are LF, so every raw CR here is string content.
        return (await File.ReadAllTextAsync(xml)).Replace("\r", "&#13;", StringComparison.Ordinal);
    }
}

using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using GoWatch.Platform.Security;

namespace GoWatch.Cli.Rendering;

/// <summary>
/// Every command that prints recorded text masks secrets in it (tokens, passwords, keys,
/// credentials in URLs, private key blocks) unless the user passes <c>--show-secrets</c>.
/// </summary>
public static class Secrets
{
    /// <summary>The <c>--show-secrets</c> option, the same on every command.</summary>
    public static Option<bool> Option() => new("--show-secrets") { Description = "Print secrets (tokens, passwords, private keys) as they are instead of masking them" };

    public static string Mask(string text, bool show) => show ? text : SecretMasker.Mask(text);

    /// <summary>File content with its secrets masked; binary content (it has NUL bytes) is left to be reported as binary.</summary>
    public static byte[] Mask(byte[] content, bool show)
    {
        if (show || content.AsSpan().Contains((byte)0))
        {
            return content;
        }
        return Encoding.UTF8.GetBytes(SecretMasker.Mask(Encoding.UTF8.GetString(content)));
    }

    /// <summary>Masks every string value of a JSON tree in place (keys are the schema's and stay), so the JSON stays valid.</summary>
    public static T Mask<T>(T node, bool show) where T : JsonNode?
    {
        if (!show && node is not null)
        {
            MaskInPlace(node);
        }
        return node;
    }

    /// <summary>
    /// A typed record with every string of its JSON form masked: masking by the JSON form means a
    /// field added to the record later is masked too, without a list of fields to keep up.
    /// </summary>
    public static T Mask<T>(T value, JsonTypeInfo<T> type, bool show) where T : class
    {
        ArgumentNullException.ThrowIfNull(type);
        if (show || JsonSerializer.SerializeToNode(value, type) is not { } node)
        {
            return value;
        }
        MaskInPlace(node);
        return node.Deserialize(type) ?? value;
    }

    private static void MaskInPlace(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (value is JsonValue v && v.TryGetValue<string>(out var s))
                    {
                        obj[key] = SecretMasker.Mask(s);
                    }
                    else if (value is not null)
                    {
                        MaskInPlace(value);
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue v && v.TryGetValue<string>(out var s))
                    {
                        array[i] = SecretMasker.Mask(s);
                    }
                    else if (array[i] is { } child)
                    {
                        MaskInPlace(child);
                    }
                }
                break;
        }
    }
}

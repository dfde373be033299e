using System.Text.Json;
using System.Text.Json.Serialization;

namespace GoWatch.Daemon.Hosting;

/// <summary>
/// Written beside the store while the daemon runs (the lock file itself cannot be read by
/// others while locked): who holds the store, since when, and where its socket is.
/// </summary>
public sealed record DaemonInfo(int Pid, DateTimeOffset Since, string Socket, string Version)
{
    public void Write(string path)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(this, DaemonInfoJson.Default.DaemonInfo));
        File.Move(temp, path, overwrite: true);
    }
}

/// <summary>Compile-time JSON metadata of <see cref="DaemonInfo"/> (the daemon may run as a native binary).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DaemonInfo))]
internal sealed partial class DaemonInfoJson : JsonSerializerContext;

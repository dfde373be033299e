using System.Security.Cryptography;

namespace GoWatch.Recording;

/// <summary>
/// Reads a watched path without trusting it: directories in a file's place, symlink loops,
/// unreadable modes and huge files become observations, never exceptions. A file over the cap
/// is hashed as a stream and not kept in memory.
/// </summary>
public static class FileObserver
{
    public static FileObservation Observe(string path, long contentCap)
    {
        try
        {
            if (Directory.Exists(path))
            {
                return new FileObservation.Unreadable("a directory is in the file's place");
            }
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                if (info.LinkTarget is not null)
                {
                    // A symlink whose target cannot be reached: dangling, or a loop.
                    try
                    {
                        var final = info.ResolveLinkTarget(returnFinalTarget: true);
                        if (final is null || !final.Exists)
                        {
                            return new FileObservation.Absent();
                        }
                    }
                    catch (IOException ex)
                    {
                        return new FileObservation.Unreadable($"symlink cannot be resolved: {ex.Message}");
                    }
                }
                return new FileObservation.Absent();
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024);
            if (stream.Length <= contentCap)
            {
                var content = ReadAll(stream);
                return new FileObservation.Present(Convert.ToHexStringLower(SHA256.HashData(content)), content.Length, content);
            }
            var hash = SHA256.HashData(stream);
            return new FileObservation.Present(Convert.ToHexStringLower(hash), stream.Length, null);
        }
        catch (FileNotFoundException)
        {
            return new FileObservation.Absent();
        }
        catch (DirectoryNotFoundException)
        {
            return new FileObservation.Absent();
        }
        catch (UnauthorizedAccessException ex)
        {
            return new FileObservation.Unreadable($"permission denied: {ex.Message}");
        }
        catch (IOException ex)
        {
            return new FileObservation.Unreadable(ex.Message);
        }
    }

    private static byte[] ReadAll(FileStream stream)
    {
        // The file may shrink or grow between Length and Read: read what is there.
        using var buffer = new MemoryStream((int)Math.Max(0, stream.Length));
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}

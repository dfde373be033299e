using System.Security.Cryptography;
using GoWatch.Platform.Security;

namespace GoWatch.Recording;

/// <summary>
/// Reads a watched path without trusting it: directories, FIFOs, sockets and devices in a file's
/// place, symlink loops, unreadable modes and huge files become observations, never exceptions. A file over the cap
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

            // Opened without blocking and only if it is a regular file: a FIFO in a watched file's
            // place must not hang the recorder, nor /dev/zero behind a symlink fill its memory.
            using var stream = RegularFile.OpenRead(path);
            if (stream.Length <= contentCap && RegularFile.ReadCapped(stream, contentCap) is { } content)
            {
                return new FileObservation.Present(Convert.ToHexStringLower(SHA256.HashData(content)), content.Length, content);
            }
            // Over the cap (or grown past it while being read): fingerprinted only, as a stream.
            stream.Position = 0;
            var hash = SHA256.HashData(stream);
            return new FileObservation.Present(Convert.ToHexStringLower(hash), stream.Length, null);
        }
        catch (NotARegularFileException ex)
        {
            // A directory that appeared between the check above and the open reads the same as one found by the check.
            return new FileObservation.Unreadable(Directory.Exists(path) ? "a directory is in the file's place" : ex.Message);
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
}

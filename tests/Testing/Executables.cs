using System.Diagnostics;

namespace GoWatch.Testing;

/// <summary>
/// Writes the scripts tests run (shims, fake <c>go</c>, fake <c>systemctl</c>).
/// </summary>
/// <remarks>
/// A file this process wrote cannot be executed safely at once: a fork started on another test
/// thread while the file was open for writing inherits that descriptor until it execs, and Linux
/// refuses to run a file open for writing (ETXTBSY, "Text file busy"). So the bytes are staged in
/// a plain file and copied into place by a child process (<c>install</c> creates a new inode):
/// no descriptor on the executable ever exists in this process.
/// </remarks>
public static class Executables
{
    public const UnixFileMode Mode0755 = (UnixFileMode)0b111_101_101;

    /// <summary>Writes <paramref name="content"/> to an executable <paramref name="path"/> (0755 unless told).</summary>
    public static string Write(string path, string content, UnixFileMode mode = Mode0755)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var staged = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.staged");
        File.WriteAllText(staged, content);
        try
        {
            var octal = Convert.ToString((int)mode, 8);
            using var install = Process.Start(new ProcessStartInfo("install")
            {
                ArgumentList = { "-m", octal, staged, path },
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            var error = install.StandardError.ReadToEnd();
            install.WaitForExit();
            if (install.ExitCode != 0)
            {
                throw new IOException($"install {path} failed ({install.ExitCode}): {error}");
            }
        }
        finally
        {
            File.Delete(staged);
        }
        return path;
    }
}

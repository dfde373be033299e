using System.Security.Cryptography;
using System.Text;

namespace GoWatch.Benchmarks.Support;

public static class Hashing
{
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}

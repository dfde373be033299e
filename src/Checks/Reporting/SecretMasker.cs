using System.Text.RegularExpressions;

namespace GoWatch.Checks.Reporting;

/// <summary>
/// Masks secrets in text shown to people or written to logs: token/secret/password
/// assignments, AWS access keys, Slack and GitHub tokens, credentials in URLs, PEM private
/// key blocks. It errs towards masking: a hidden harmless word costs less than a leaked token.
/// </summary>
public static partial class SecretMasker
{
    /// <summary>What a masked value is replaced with.</summary>
    public const string Placeholder = "****";

    /// <summary>Returns <paramref name="text"/> with every recognised secret value replaced by <see cref="Placeholder"/>.</summary>
    public static string Mask(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }
        var masked = PemBlock().Replace(text, m => $"-----BEGIN {m.Groups["kind"].Value}PRIVATE KEY-----{Placeholder}-----END {m.Groups["kind"].Value}PRIVATE KEY-----");
        masked = UnterminatedPem().Replace(masked, m => $"-----BEGIN {m.Groups["kind"].Value}PRIVATE KEY-----{Placeholder}");
        masked = UrlCredentials().Replace(masked, m => $"{m.Groups["scheme"].Value}{m.Groups["user"].Value}:{Placeholder}@");
        masked = SecretAssignment().Replace(masked, m => $"{m.Groups["lead"].Value}{m.Groups["q"].Value}{Placeholder}{m.Groups["q"].Value}");
        masked = FishSecret().Replace(masked, m => $"{m.Groups["lead"].Value}{m.Groups["q"].Value}{Placeholder}{m.Groups["q"].Value}");
        masked = AwsKey().Replace(masked, m => m.Groups["prefix"].Value + Placeholder);
        masked = SlackToken().Replace(masked, m => m.Groups["prefix"].Value + Placeholder);
        masked = GitHubToken().Replace(masked, m => m.Groups["prefix"].Value + Placeholder);
        masked = KeyMaterial().Replace(masked, Placeholder);
        return masked;
    }

    // NAME=value, NAME: value, "NAME": "value" where NAME mentions token/secret/password/key material.
    [GeneratedRegex("""(?<lead>\b[A-Za-z0-9_.-]*(?:TOKEN|SECRET|PASSWORD|PASSWD|PASSPHRASE|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIALS?|AUTH)[A-Za-z0-9_]*["']?\s*(?:=|:)\s*)(?:(?<q>")[^"\r\n]*"|(?<q>')[^'\r\n]*'|(?<q>)[^\s"';&|]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex SecretAssignment();

    // fish: set -gx GITHUB_TOKEN value
    [GeneratedRegex("""(?<lead>\bset\s+(?:-[-\w]+\s+)*[A-Za-z0-9_]*(?:TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|ACCESS_?KEY|CREDENTIALS?)[A-Za-z0-9_]*\s+)(?:(?<q>")[^"\r\n]*"|(?<q>')[^'\r\n]*'|(?<q>)[^\s"';]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex FishSecret();

    [GeneratedRegex(@"(?<scheme>\b[a-zA-Z][a-zA-Z0-9+.-]*://)(?<user>[^:@/\s]+):(?<pass>[^@/\s]+)@")]
    private static partial Regex UrlCredentials();

    [GeneratedRegex(@"\b(?<prefix>(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA))[0-9A-Z]{16}\b")]
    private static partial Regex AwsKey();

    [GeneratedRegex(@"\b(?<prefix>xox[abposr]-)[0-9A-Za-z-]+")]
    private static partial Regex SlackToken();

    [GeneratedRegex(@"\b(?<prefix>gh[pousr]_|github_pat_)[A-Za-z0-9_]{10,}")]
    private static partial Regex GitHubToken();

    // A long mixed-case base64 run is key material even out of context (a line of a key block a
    // shell echoed back in an error). Hex hashes (no upper case) are not matched.
    [GeneratedRegex(@"(?<![A-Za-z0-9+/])(?=[A-Za-z0-9+/]*[0-9])(?=[A-Za-z0-9+/]*[A-Z])(?=[A-Za-z0-9+/]*[a-z])[A-Za-z0-9+/]{40,}={0,2}")]
    private static partial Regex KeyMaterial();

    [GeneratedRegex(@"-----BEGIN (?<kind>[A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?-----END [A-Z0-9 ]*PRIVATE KEY-----")]
    private static partial Regex PemBlock();

    [GeneratedRegex(@"-----BEGIN (?<kind>[A-Z0-9 ]*)PRIVATE KEY-----(?![\s\S]*-----END)[\s\S]*$")]
    private static partial Regex UnterminatedPem();
}

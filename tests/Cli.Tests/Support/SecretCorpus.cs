namespace GoWatch.Cli.Tests.Support;

/// <summary>An rc file full of the secrets people keep in shell startup files, and the values that must never be printed.</summary>
public static class SecretCorpus
{
    public const string GitHubToken = "ghp_R4nd0mT0kenValue1234567890abcdefXY";
    public const string AwsKey = "AKIAIOSFODNN7EXAMPLE";
    public const string Password = "hunter2-Correct-Horse";
    public const string UrlPassword = "s3cr3tP4ss";
    public const string PemBody = "MIIEowIBAAKCAQEA7bq9b3yWm0Zb2f3pKQ8ZXGzq1m0r5a9pQ4TL";

    public static readonly string RcFile = $"""
        export PATH=$HOME/go/bin:$PATH
        export GITHUB_TOKEN={GitHubToken}
        export AWS_ACCESS_KEY_ID={AwsKey}
        export DB_PASSWORD={Password}
        export GOPROXY=https://builder:{UrlPassword}@proxy.example.com/go
        cat > ~/.ssh/deploy <<'KEY'
        -----BEGIN RSA PRIVATE KEY-----
        {PemBody}
        ZXhhbXBsZWJ1dG5vdGFyZWFsa2V5YXRhbGxqdXN0dGV4dGZvcnRoZXRlc3Rz
        -----END RSA PRIVATE KEY-----
        KEY

        """;

    /// <summary>Every secret value, and for the token and key the part after their well-known prefix.</summary>
    public static IReadOnlyList<string> Values { get; } = [GitHubToken, GitHubToken[4..], AwsKey, AwsKey[4..], Password, UrlPassword, PemBody];
}

using System.Text.RegularExpressions;

namespace GoWatch.Platform.Security;

/// <summary>
/// Masks secrets in text shown to people or written to logs: values of secret-named settings in
/// every form the files GoWatch watches use (shell, fish, .env, INI, YAML, JSON, XML, GoLand's
/// run configurations, .netrc), authorization headers, credentials and tokens in URLs, tokens
/// of well-known services by their documented prefixes, and private key blocks. It errs towards
/// masking a secret-named value (a hidden harmless word costs less than a leaked token) but
/// never touches ordinary Go settings such as <c>PATH</c> or <c>GOPATH</c>.
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
        masked = AuthorizationHeader().Replace(masked, m => m.Groups["lead"].Value + Placeholder);
        masked = BearerToken().Replace(masked, m => m.Groups["lead"].Value + Placeholder);
        masked = ServiceUrl().Replace(masked, m => m.Groups["lead"].Value + Placeholder);
        masked = UrlCredentials().Replace(masked, m => $"{m.Groups["scheme"].Value}{m.Groups["user"].Value}:{Placeholder}@");
        masked = UrlTokenUser().Replace(masked, m => LooksLikeToken(m.Groups["user"].Value) ? $"{m.Groups["scheme"].Value}{Placeholder}@" : m.Value);
        masked = XmlNameValue().Replace(masked, m => IsSecretName(m.Groups["name"].Value) ? m.Groups["lead"].Value + Quoted(m.Groups["value"].Value) : m.Value);
        masked = XmlElement().Replace(masked, m => IsSecretName(m.Groups["name"].Value) ? m.Groups["lead"].Value + Placeholder + m.Groups["tail"].Value : m.Value);
        masked = SetCommand().Replace(masked, m => IsSecretName(m.Groups["name"].Value) ? m.Groups["lead"].Value + Quoted(m.Groups["value"].Value) : m.Value);
        masked = Assignment().Replace(masked, MaskAssignment);
        masked = SecretFlag().Replace(masked, m => m.Groups["lead"].Value + Quoted(m.Groups["value"].Value));
        masked = NetrcPassword().Replace(masked, m => m.Groups["lead"].Value + Placeholder);
        masked = CurlUser().Replace(masked, m => m.Groups["lead"].Value + Placeholder);
        masked = PrefixedToken().Replace(masked, m => m.Groups["prefix"].Value + Placeholder);
        masked = KeyMaterial().Replace(masked, m => m.Value.Split('/').Any(part => part.Length >= 24) ? Placeholder : m.Value);
        return masked;
    }

    /// <summary>
    /// A secret-named setting's value is masked; any other value may hold settings of its own
    /// (<c>FEED=https://…?token=…</c>, GoLand's <c>ENV=A=1;API_KEY=…</c>), so it is looked into.
    /// </summary>
    private static string MaskAssignment(Match m)
    {
        var value = m.Groups["value"].Value;
        if (IsSecretName(m.Groups["name"].Value))
        {
            return IsReference(value) ? m.Value : m.Groups["lead"].Value + Quoted(value);
        }
        var quote = value.Length > 0 && value[0] is '"' or '\'' ? 1 : 0;
        return m.Groups["lead"].Value + value[..quote] + Assignment().Replace(value[quote..], MaskAssignment);
    }

    /// <summary>Whether a setting's name says its value is a secret: DB_PASSWORD, GITHUB_TOKEN, MYSQL_PWD, STRIPE_KEY, apiKey, client_secret …</summary>
    public static bool IsSecretName(string name)
    {
        var upper = name.Trim('"', '\'').ToUpperInvariant();
        return !NotSecretNames.Contains(upper) && SecretName().IsMatch(upper);
    }

    // Names that look secret but hold ordinary settings: the shell's working directory, Go's
    // GOAUTH (a command, e.g. "netrc"), zsh's KEYTIMEOUT.
    private static readonly HashSet<string> NotSecretNames = new(StringComparer.Ordinal) { "PWD", "OLDPWD", "GOAUTH", "KEYTIMEOUT", "AUTHOR", "AUTHORS", "GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "SSH_AUTH_SOCK", "PASSWORD_STORE_DIR", "TOKEN_TYPE", "AUTH_TYPE", "AUTH_METHOD" };

    /// <summary>A bare variable reference (<c>$TOKEN</c>, <c>"${TOKEN}"</c>) is not itself a secret.</summary>
    private static bool IsReference(string value) => VariableReference().IsMatch(value);

    /// <summary>The placeholder in the value's own quotes, so the line keeps its shape.</summary>
    private static string Quoted(string value) => value switch
    {
        _ when value.StartsWith("$'", StringComparison.Ordinal) => $"$'{Placeholder}'",
        _ when value.StartsWith('"') => value.Length > 1 && value.EndsWith('"') ? $"\"{Placeholder}\"" : $"\"{Placeholder}",
        _ when value.StartsWith('\'') => value.Length > 1 && value.EndsWith('\'') ? $"'{Placeholder}'" : $"'{Placeholder}",
        _ => Placeholder,
    };

    /// <summary>A URL's user part alone is a token when it is long or mixes letters and digits like one (<c>glpat-…@</c>, <c>ghp_…@</c>); <c>git@</c> is not.</summary>
    private static bool LooksLikeToken(string user) =>
        user.Length >= 24 || (user.Length >= 12 && user.Any(char.IsDigit) && user.Any(char.IsLetter)) || PrefixedToken().IsMatch(user);

    [GeneratedRegex(@"TOKEN|SECRET|PASSW(?:OR)?D|PASSPHRASE|PASSWORT|CREDENTIAL|API_?KEY|ACCESS_?KEY|ACCOUNT_?KEY|PRIVATE_?KEY|SIGNING_?KEY|MASTER_?KEY|ENCRYPTION_?KEY|_KEY$|(?:^|_)PASS(?:$|_)|(?:^|_)PWD$|(?:^|_)AUTH(?:$|_)|_AUTH|AUTH$|WEBHOOK|COOKIE|SESSION_?ID|SESSIONKEY")]
    private static partial Regex SecretName();

    [GeneratedRegex("""^["']?\$(?:\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)["']?$""")]
    private static partial Regex VariableReference();

    // A value: quoted ($'…', "…" with backslash escapes and continued lines, '…'), bare words with
    // escapes and backslash-newline continuations, or a mix; an unterminated quote runs to the end of the line.
    private const string Value = """(?<value>(?:\$'(?:[^'\\\r\n]|\\[\s\S])*'|"(?:[^"\\\r\n]|\\[\s\S])*"|'[^'\r\n]*'|[^\s"';&|<>\\,}\]]|\\[\s\S])+|"[^\r\n]*|'[^\r\n]*)""";

    // NAME=value, NAME: value, NAME := value, "NAME": "value", NAME => value (shell, .env, INI, YAML, JSON, TOML, fish_variables).
    [GeneratedRegex("""(?<lead>(?<![A-Za-z0-9_.-])(?<name>[A-Za-z_][A-Za-z0-9_.-]*)["']?[ \t]*(?:=>|:=|=|:)[ \t]*)""" + Value)]
    private static partial Regex Assignment();

    // fish: set -gx NAME value; csh and launchctl: setenv NAME value.
    [GeneratedRegex("""(?<lead>\b(?:set|setenv)\s+(?:-[-\w]+\s+)*(?<name>[A-Za-z_][A-Za-z0-9_]*)\s+)""" + Value)]
    private static partial Regex SetCommand();

    // GoLand / IntelliJ: <env name="DB_PASSWORD" value="…"/>, <option name="GITHUB_TOKEN" value="…" />.
    [GeneratedRegex("""(?<lead>\bname\s*=\s*["'](?<name>[^"'<>]+)["'][^<>]*?\bvalue\s*=\s*)(?<value>"[^"]*"|'[^']*')""")]
    private static partial Regex XmlNameValue();

    // <password>…</password>, <apiToken>…</apiToken>
    [GeneratedRegex("""(?<lead><(?<name>[A-Za-z_][A-Za-z0-9_.-]*)>)[^<]+(?<tail></\k<name>>)""")]
    private static partial Regex XmlElement();

    // --password=…, --token …, --api-key …
    [GeneratedRegex("""(?<lead>(?<![\w-])--?[a-z-]*(?:password|passwd|token|secret|api-key|apikey|access-key)[a-z-]*(?:=|[ \t]+))""" + Value, RegexOptions.IgnoreCase)]
    private static partial Regex SecretFlag();

    // .netrc: machine host login me password secret
    [GeneratedRegex(@"(?<lead>(?:^|[ \t])password[ \t]+)(?!=)[^\s]+", RegexOptions.Multiline)]
    private static partial Regex NetrcPassword();

    // curl -u user:password
    [GeneratedRegex("""(?<lead>(?<![\w-])(?:-u|--user|--proxy-user)[ \t]+["']?[^\s:'"]+:)[^\s'"]+""")]
    private static partial Regex CurlUser();

    // Authorization: Bearer|Basic|token|Digest … (HTTP headers, curl -H, JSON and YAML forms).
    [GeneratedRegex("""(?<lead>\b(?:proxy-)?authorization["']?[ \t]*[:=][ \t]*["']?(?:(?:bearer|basic|token|digest|bot|apikey|sso-key)[ \t]+)?)[^\s"',;]+""", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorizationHeader();

    [GeneratedRegex(@"(?<lead>\bbearer[ \t]+)[A-Za-z0-9._~+/=-]{8,}", RegexOptions.IgnoreCase)]
    private static partial Regex BearerToken();

    // Webhook URLs whose path is the secret: Slack, Discord.
    [GeneratedRegex(@"(?<lead>https://(?:hooks\.slack\.com/(?:services|workflows|triggers)/|(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/))[A-Za-z0-9/_-]+")]
    private static partial Regex ServiceUrl();

    // scheme://user:password@host — the password may hold any character but whitespace and quotes, '/' and '@' too.
    [GeneratedRegex("""(?<scheme>\b[a-zA-Z][a-zA-Z0-9+.-]*://)(?<user>[^\s:@/'"]*):(?<pass>[^\s'"]+)@(?=[^\s@'"/]*(?:[/\s'"?#]|$))""")]
    private static partial Regex UrlCredentials();

    // scheme://TOKEN@host — a token used as the URL's user.
    [GeneratedRegex("""(?<scheme>\b[a-zA-Z][a-zA-Z0-9+.-]*://)(?<user>[^\s:@/'"]+)@""")]
    private static partial Regex UrlTokenUser();

    // Tokens of well-known services, by the prefixes their documentation gives; the prefix stays visible.
    [GeneratedRegex("""
        \b(?<prefix>AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[0-9A-Z]{16}\b
        |\b(?<prefix>gh[pousr]_)[A-Za-z0-9]{20,}
        |\b(?<prefix>github_pat_)[A-Za-z0-9_]{20,}
        |\b(?<prefix>glpat-|gldt-|glrt-|gloas-|glptt-|glft-|glsoat-|glcbt-|glimt-|glagent-)[A-Za-z0-9_-]{16,}
        |\b(?<prefix>xox[abposre]-|xapp-)[0-9A-Za-z-]{10,}
        |\b(?<prefix>(?:sk|rk|pk)_(?:live|test)_|whsec_)[0-9A-Za-z]{10,}
        |\b(?<prefix>AIza)[0-9A-Za-z_-]{35}
        |\b(?<prefix>ya29\.)[0-9A-Za-z_-]{20,}
        |\b(?<prefix>GOCSPX-)[0-9A-Za-z_-]{20,}
        |\b(?<prefix>npm_)[A-Za-z0-9]{36}
        |\b(?<prefix>pypi-)AgE[A-Za-z0-9_-]{50,}
        |\b(?<prefix>sk-(?:ant-|proj-|svcacct-|admin-)?)[A-Za-z0-9_-]{20,}
        |\b(?<prefix>SG\.)[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}
        |\b(?<prefix>do[por]_v1_)[a-f0-9]{64}
        |\b(?<prefix>hv[sbr]\.)[A-Za-z0-9_-]{20,}
        |\b(?<prefix>shp(?:at|ss|ca|pa)_)[a-fA-F0-9]{32}
        |\b(?<prefix>dckr_pat_)[A-Za-z0-9_-]{20,}
        |\b(?<prefix>hf_)[A-Za-z]{30,}
        |\b(?<prefix>lin_api_)[A-Za-z0-9]{30,}
        |\b(?<prefix>PMAK-)[a-f0-9]{24}-[a-f0-9]{34}
        |\b(?<prefix>SK)[0-9a-f]{32}\b
        |\b(?<prefix>key-)[0-9a-z]{32}\b
        |\b(?<prefix>ATATT3)[A-Za-z0-9_=-]{20,}
        |\b(?<prefix>dapi)[a-f0-9]{32}\b
        |\b(?<prefix>dp\.(?:st|pt|ct|sa|scim|audit)\.)[A-Za-z0-9_.-]{20,}
        |\b(?<prefix>AGE-SECRET-KEY-1)[0-9A-Z]{50,}
        |\b(?<prefix>eyJ)[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}
        |\b(?<prefix>[0-9]{8,10}:)AA[A-Za-z0-9_-]{33}\b
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex PrefixedToken();

    // A long mixed-case base64 run is key material even out of context (a line of a key block a
    // shell echoed back in an error). Hex hashes (no upper case) are not matched, and paths are
    // told apart by their short segments (see Mask).
    [GeneratedRegex(@"(?<![A-Za-z0-9+/])(?=[A-Za-z0-9+/]*[0-9])(?=[A-Za-z0-9+/]*[A-Z])(?=[A-Za-z0-9+/]*[a-z])[A-Za-z0-9+/]{40,}={0,2}")]
    private static partial Regex KeyMaterial();

    [GeneratedRegex(@"-----BEGIN (?<kind>[A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?-----END [A-Z0-9 ]*PRIVATE KEY-----")]
    private static partial Regex PemBlock();

    [GeneratedRegex(@"-----BEGIN (?<kind>[A-Z0-9 ]*)PRIVATE KEY-----(?![\s\S]*-----END)[\s\S]*$")]
    private static partial Regex UnterminatedPem();
}

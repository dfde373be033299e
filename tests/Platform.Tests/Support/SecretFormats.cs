namespace GoWatch.Platform.Tests.Support;

/// <summary>
/// Secrets as real tools and people write them into the files GoWatch watches, each with the
/// values that must never be printed. Every value is made up. Shared with the CLI tests, which
/// push the same corpus through every output path.
/// </summary>
public static class SecretFormats
{
    /// <summary>One format: where it comes from, the text, and the secret values in it.</summary>
    public sealed record Format(string Family, string Name, string Text, params string[] Secrets)
    {
        public override string ToString() => $"{Family}: {Name}";
    }

    public static IReadOnlyList<Format> All { get; } =
    [
        // Shell assignments (zsh, bash, sh)
        new("shell", "export NAME=bare", "export GITHUB_TOKEN=Zq8vR2mK9pL4xW7nB3cT6yH1", "Zq8vR2mK9pL4xW7nB3cT6yH1"),
        new("shell", "double quotes", "export DB_PASSWORD=\"Tr0ub4dor&3-horse\"", "Tr0ub4dor&3-horse"),
        new("shell", "single quotes with spaces", "export DB_PASSWORD='correct horse battery staple'", "correct horse battery staple"),
        new("shell", "$'…' quoting", "export API_SECRET=$'p4ss\\nw0rd\\'quoted'", "p4ss\\nw0rd\\'quoted", "p4ss", "w0rd"),
        new("shell", "escaped quote inside the value", "export DB_PASSWORD=\"abc\\\"def-Secret9\"", "abc\\\"def-Secret9", "def-Secret9"),
        new("shell", "backslash continuation", "export SERVICE_TOKEN=first-half-9f8e7d\\\nsecond-half-6c5b4a\nexport GOPATH=$HOME/go", "first-half-9f8e7d", "second-half-6c5b4a"),
        new("shell", "continued inside quotes", "export SERVICE_TOKEN=\"alpha-77aa99\\\nbravo-88bb00\"", "alpha-77aa99", "bravo-88bb00"),
        new("shell", "DB_PASS", "export DB_PASS=Mongo!Pass42", "Mongo!Pass42"),
        new("shell", "MYSQL_PWD", "MYSQL_PWD=sqlR00tPw; export MYSQL_PWD", "sqlR00tPw"),
        new("shell", "declare -x", "declare -x NPM_AUTH=deadbeefcafe1234", "deadbeefcafe1234"),
        new("shell", "typeset with spaces around =", "typeset VAULT_PASSPHRASE = 'open sesame 77'", "open sesame 77"),
        new("shell", "lower-case name", "my_api_key=lowerCaseKey998877", "lowerCaseKey998877"),
        new("shell", "alias with a token flag", "alias deploy='deployctl --token=tok_7Hj2Kp9Qw3 --env prod'", "tok_7Hj2Kp9Qw3"),
        new("shell", "curl -u user:password", "curl -u admin:Adm1nPassw0rd https://ci.example.com/api", "Adm1nPassw0rd"),
        new("shell", "CLI --password flag", "docker login --username bob --password Dkr-Pw-5521 registry.example.com", "Dkr-Pw-5521"),

        // HTTP authorization
        new("auth-header", "Authorization: Bearer", "curl -H 'Authorization: Bearer eyTokenValue.123456789.abcdef' https://api.example.com", "eyTokenValue.123456789.abcdef"),
        new("auth-header", "Authorization: Basic", "Authorization: Basic dXNlcjpodW50ZXIy", "dXNlcjpodW50ZXIy"),
        new("auth-header", "Authorization: token", "export GH_HEADER=\"Authorization: token 0123456789abcdef0123456789abcdef01234567\"", "0123456789abcdef0123456789abcdef01234567"),
        new("auth-header", "Proxy-Authorization", "Proxy-Authorization: Basic cHJveHk6c2VjcmV0", "cHJveHk6c2VjcmV0"),
        new("auth-header", "bare Bearer", "wget --header=\"X-Auth: Bearer abcDEF123456ghiJKL\" https://x.example", "abcDEF123456ghiJKL"),
        new("auth-header", "JSON headers", "{\"headers\": {\"Authorization\": \"Bearer json-bearer-7788990011\"}}", "json-bearer-7788990011"),

        // URLs
        new("url", "user and password", "export GOPROXY=https://builder:s3cr3tP4ss@proxy.example.com/go", "s3cr3tP4ss"),
        new("url", "password with /", "export GOPROXY=https://ci:pa/ss/w0rd@goproxy.corp.example,direct", "pa/ss/w0rd", "pa/ss"),
        new("url", "password with @ and :", "DATABASE_URL=postgres://app:p@ss:w0rd!@db.internal:5432/app", "p@ss:w0rd!", "ss:w0rd"),
        new("url", "GitLab token as URL user", "git clone https://glpat-Ab12Cd34Ef56Gh78Ij90@gitlab.com/group/repo.git", "glpat-Ab12Cd34Ef56Gh78Ij90", "Ab12Cd34Ef56Gh78Ij90"),
        new("url", "token as GOPROXY user", "export GOPROXY=https://a1b2c3d4e5f6a7b8c9d0e1f2@proxy.corp/go,direct", "a1b2c3d4e5f6a7b8c9d0e1f2"),
        new("url", "git insteadOf with token", "git config --global url.\"https://x-access-token:ghs_Abcdefghijklmnopqrstuvwx0123456789@github.com/\".insteadOf \"https://github.com/\"", "ghs_Abcdefghijklmnopqrstuvwx0123456789", "Abcdefghijklmnopqrstuvwx0123456789"),
        new("url", "token in a query string", "export FEED=https://feeds.example.com/rss?token=QueryTok3n998877&format=xml", "QueryTok3n998877"),
        new("url", "Slack webhook", "export SLACK_HOOK_URL=https://hooks.slack.com/services/T0000AAAA/B1111BBBB/XXXXxxxxYYYYyyyyZZZZzzzz", "T0000AAAA/B1111BBBB/XXXXxxxxYYYYyyyyZZZZzzzz", "XXXXxxxxYYYYyyyyZZZZzzzz"),
        new("url", "Discord webhook", "notify=https://discord.com/api/webhooks/123456789012345678/AbCdEfGhIjKlMnOpQrStUvWxYz-0123456789", "AbCdEfGhIjKlMnOpQrStUvWxYz-0123456789"),
        new("url", "Redis URL password only", "REDIS_URL=redis://:r3disPassw0rd@cache.internal:6379/0", "r3disPassw0rd"),

        // fish
        new("fish", "set -gx", "set -gx DB_PASS fishPass-2024", "fishPass-2024"),
        new("fish", "set -Ux quoted", "set -Ux GITHUB_TOKEN 'fishTok-aa11bb22cc33'", "fishTok-aa11bb22cc33"),
        new("fish", "fish_variables", "SETUVAR --export NPM_TOKEN:uvTok\\x2d998877665544", "uvTok\\x2d998877665544"),
        new("fish", "csh setenv", "setenv AWS_SESSION_TOKEN cshSessionTok77", "cshSessionTok77"),

        // .env, INI, YAML, TOML, JSON
        new("dotenv", ".env line", "STRIPE_SECRET=whatever-Stripe-555\nGOFLAGS=-mod=mod", "whatever-Stripe-555"),
        new("dotenv", "STRIPE_KEY with sk_live_", "STRIPE_KEY=sk_live_51Habcdefghijklmnopqrstuv", "sk_live_51Habcdefghijklmnopqrstuv", "51Habcdefghijklmnopqrstuv"),
        new("ini", "INI password = value", "[database]\npassword = ini-Pass-3344\nhost = db", "ini-Pass-3344"),
        new("ini", "AWS credentials file", "[default]\naws_access_key_id = AKIAZZZZZZZZZZZZZZZZ\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "ZZZZZZZZZZZZZZZZ", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        new("yaml", "YAML key: value", "registry:\n  password: yamlPw-6677\n  user: ci", "yamlPw-6677"),
        new("yaml", "YAML quoted", "api_token: \"yaml-quoted-tok-1122\"", "yaml-quoted-tok-1122"),
        new("toml", "TOML", "token = \"toml-tok-5566aa\"", "toml-tok-5566aa"),
        new("json", "JSON password", "{\"user\": \"bob\", \"password\": \"jsonPw-8899\"}", "jsonPw-8899"),
        new("json", "JSON camelCase accessToken", "{\"accessToken\":\"camelTok-1a2b3c4d\"}", "camelTok-1a2b3c4d"),
        new("json", "JSON escaped quote", "{\"client_secret\": \"esc\\\"aped-Secret\"}", "esc\\\"aped-Secret", "aped-Secret"),
        new("json", "docker config auth", "{\"auths\":{\"registry.example.com\":{\"auth\":\"Ym9iOmRvY2tlclB3MTIz\"}}}", "Ym9iOmRvY2tlclB3MTIz"),
        new("json", "service account private_key", "{\"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMIIEvAIBADANBgkqhkiG9w0BAQEFAASC\\n-----END PRIVATE KEY-----\\n\"}", "MIIEvAIBADANBgkqhkiG9w0BAQEFAASC"),
        new("netrc", ".netrc", "machine api.example.com login bob password netrcPw-4455", "netrcPw-4455"),

        // XML: GoLand and IntelliJ
        new("goland", "run configuration env", "<envs>\n  <env name=\"DB_PASSWORD\" value=\"golandPw-1234\" />\n  <env name=\"GOFLAGS\" value=\"-mod=mod\" />\n</envs>", "golandPw-1234"),
        new("goland", "workspace.xml GITHUB_TOKEN", "<component name=\"PropertiesComponent\">\n  <option name=\"GITHUB_TOKEN\" value=\"wsTok-aabbccdd1122\" />\n</component>", "wsTok-aabbccdd1122"),
        new("goland", "env string in a value", "<option name=\"ENV\" value=\"GOPATH=/home/u/go;API_KEY=envStrKey-9911;GOOS=linux\" />", "envStrKey-9911"),
        new("goland", "XML element", "<settings><password>xmlElemPw-7788</password></settings>", "xmlElemPw-7788"),
        new("goland", "single-quoted attributes", "<env name='SECRET_KEY' value='singleQ-Secret-55' />", "singleQ-Secret-55"),
        new("maven", "settings.xml server password", "<server><id>corp</id><username>ci</username><password>mvnPw-2468</password></server>", "mvnPw-2468"),

        // Cloud and service tokens by documented prefix, out of any context
        new("prefix", "AWS access key id", "key AKIAIOSFODNN7EXAMPLE here", "AKIAIOSFODNN7EXAMPLE", "IOSFODNN7EXAMPLE"),
        new("prefix", "AWS STS key id", "echo ASIAQWERTYUIOPASDFGH", "QWERTYUIOPASDFGH"),
        new("prefix", "GitHub classic PAT", "gh auth login --with-token <<< ghp_R4nd0mT0kenValue1234567890abcdefXY", "R4nd0mT0kenValue1234567890abcdefXY"),
        new("prefix", "GitHub OAuth", "echo gho_16C7e42F292c6912E7710c838347Ae178B4a", "16C7e42F292c6912E7710c838347Ae178B4a"),
        new("prefix", "GitHub app token", "echo ghs_abcdefghijklmnopqrstuvwxyz0123456789", "abcdefghijklmnopqrstuvwxyz0123456789"),
        new("prefix", "GitHub fine-grained PAT", "echo github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz", "11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz"),
        new("prefix", "GitLab PAT", "echo glpat-xYz123AbC456dEf789gH", "xYz123AbC456dEf789gH"),
        new("prefix", "Slack bot token", "echo xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", "123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"),
        new("prefix", "Slack user token", "echo xoxp-223456789012-2234567890123-2234567890123-abcdef0123456789abcdef0123456789", "223456789012-2234567890123"),
        new("prefix", "Stripe restricted key", "echo rk_live_51Hxyzabcdefghijklmnop", "51Hxyzabcdefghijklmnop"),
        new("prefix", "Google API key", "echo AIzaSyA1234567890abcdefghijklmnopqrstuv", "SyA1234567890abcdefghijklmnopqrstuv"),
        new("prefix", "npm token", "//registry.npmjs.org/:_authToken=npm_abcdefghijklmnopqrstuvwxyz0123456789", "abcdefghijklmnopqrstuvwxyz0123456789"),
        new("prefix", "OpenAI key", "echo sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz012345", "AbCdEfGhIjKlMnOpQrStUvWxYz012345"),
        new("prefix", "Anthropic key", "echo sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz", "api03-AbCdEfGhIjKlMnOpQrStUvWxYz"),
        new("prefix", "SendGrid key", "echo SG.abcdefghijklmnopqrstuv.ABCDEFGHIJKLMNOPQRSTUVWXYZ0123", "abcdefghijklmnopqrstuv.ABCDEFGHIJKLMNOPQRSTUVWXYZ0123"),
        new("prefix", "DigitalOcean token", "echo dop_v1_" + new string('a', 32) + new string('0', 32), new string('a', 32) + new string('0', 32)),
        new("prefix", "Vault token", "echo hvs.CAESIAbCdEfGhIjKlMnOpQrStUvWxYz", "CAESIAbCdEfGhIjKlMnOpQrStUvWxYz"),
        new("prefix", "Docker Hub PAT", "echo dckr_pat_AbCdEfGhIjKlMnOpQrStUvWx", "AbCdEfGhIjKlMnOpQrStUvWx"),
        new("prefix", "Hugging Face token", "echo hf_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGh", "AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGh"),
        new("prefix", "PyPI token", "password = pypi-AgEIcHlwaS5vcmcCJGFiY2RlZmdoLWlqa2wtbW5vcC1xcnN0LXV2d3h5ejAxMjM0NTY3", "AgEIcHlwaS5vcmcCJGFiY2RlZmdoLWlqa2wtbW5vcC1xcnN0LXV2d3h5ejAxMjM0NTY3"),
        new("prefix", "JWT", "echo eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "eyJzdWIiOiIxMjM0NTY3ODkwIn0", "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"),
        new("prefix", "Telegram bot token", "echo 123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8", "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw8"),
        new("prefix", "age secret key", "AGE-SECRET-KEY-1QYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQ", "QYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQ"),

        // Private keys
        new("pem", "RSA private key block", "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7bq9b3yWm0Zb2f3pKQ8ZXGzq1m0r5a9pQ4TL\nZXhhbXBsZWJ1dG5vdGFyZWFsa2V5YXRhbGxqdXN0dGV4dA\n-----END RSA PRIVATE KEY-----", "MIIEowIBAAKCAQEA7bq9b3yWm0Zb2f3pKQ8ZXGzq1m0r5a9pQ4TL", "ZXhhbXBsZWJ1dG5vdGFyZWFsa2V5YXRhbGxqdXN0dGV4dA"),
        new("pem", "OpenSSH key cut short", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ", "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ"),
        new("pem", "key material echoed in an error", "zsh: command not found: MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7"),
    ];

    /// <summary>Lines that hold no secret and must come out exactly as they went in.</summary>
    public static IReadOnlyList<string> Ordinary { get; } =
    [
        "export PATH=/usr/local/go/bin:$PATH",
        "PATH=$HOME/go/bin:/opt/homebrew/bin:/usr/bin:/bin",
        "export GOPATH=$HOME/go",
        "export GOROOT=/usr/local/go",
        "export GOPROXY=https://proxy.golang.org,direct",
        "export GOPRIVATE=*.corp.example.com,github.com/acme",
        "export GOFLAGS=-mod=mod",
        "GO111MODULE=off",
        "export GOAUTH=netrc",
        "cd \"$PWD\" && export OLDPWD=$PWD",
        "export GITHUB_TOKEN=$GH_TOKEN",
        "export SSH_AUTH_SOCK=$HOME/.ssh/agent.sock",
        "set -gx GOPATH $HOME/go",
        "fish_add_path /opt/homebrew/bin",
        "git clone git@github.com:acme/service.git",
        "git clone https://github.com/acme/service.git",
        "export KEYTIMEOUT=1",
        "afterSha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        "<option name=\"GOROOT\" value=\"file:///usr/local/go\" />",
        "<env name=\"GOFLAGS\" value=\"-mod=mod\" />",
        "source /Users/alice/Library/Application/Support/JetBrains/GoLand2024.3/options/terminal.sh",
        "alias ll='ls -l'",
    ];
}

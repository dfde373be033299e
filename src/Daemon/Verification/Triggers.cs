namespace GoWatch.Daemon.Verification;

/// <summary>Why a verification ran (the <c>trigger</c> of <c>VerificationCompleted</c>).</summary>
public static class Triggers
{
    public const string Startup = "startup";
    public const string Schedule = "schedule";
    public const string Change = "change";
    public const string Wake = "wake";
    public const string Cli = "cli";
}

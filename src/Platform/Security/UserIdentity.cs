using System.Runtime.InteropServices;

namespace GoWatch.Platform.Security;

/// <summary>The real user id of this process (launchd domains and the root guard need it).</summary>
public static partial class UserIdentity
{
    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();

    public static uint EffectiveUserId => GetEffectiveUserId();

    public static bool IsRoot => EffectiveUserId == 0;
}

using GoWatch.Checks.Facts;

namespace GoWatch.Checks.Catalogue;

/// <summary>Every check of SPEC §5, in report order.</summary>
public static class CheckCatalogue
{
    /// <summary>All checks.</summary>
    public static IReadOnlyList<ICheck> All { get; } =
    [
        new ShellStartupFailedCheck(),
        new ShellStartupWarningsCheck(),
        new PathBrokenCheck(),
        new PathUnsafeCheck(),
        new GoNotFoundCheck(),
        new GoArchMismatchCheck(),
        new GorootMismatchCheck(),
        new PathOrderCheck(),
        new GorootVersionedCheck(),
        new MultipleInstallsCheck(),
        new InstallStaleArchCheck(),
        new ToolsStaleArchCheck(),
        new SymlinkDanglingCheck(),
        new GopathBinMissingCheck(),
        new GopathInvalidCheck(),
        new GopathMixedCheck(),
        ModulesModeCheck.Off(),
        ModulesModeCheck.Auto(),
        new GoEnvOverridesCheck(),
        new ProxyInsecureCheck(),
        new GoflagsGlobalCheck(),
        new GuiEnvironmentDiffersCheck(),
        new HomebrewRosettaCheck(),
        new CgoCompilerCheck(),
        new ToolchainTooOldCheck(),
        new GoLandGorootMissingCheck(),
        new GoLandGorootDiffersCheck(),
        new GoLandModulesDisabledCheck(),
    ];

    /// <summary>The ids of all checks.</summary>
    public static IReadOnlyList<string> Ids { get; } = All.Select(c => c.Id).ToList();

    /// <summary>The check with <paramref name="id"/>, or null.</summary>
    public static ICheck? Find(string id) => All.FirstOrDefault(c => c.Id == id);

    /// <summary>
    /// Evaluates <paramref name="checks"/>. A check that throws is a bug in GoWatch, not in the
    /// user's machine: it is reported as skipped with the exception message rather than lost.
    /// </summary>
    public static IReadOnlyList<(ICheck Check, CheckOutcome Outcome)> Evaluate(MachineFacts facts, IEnumerable<ICheck> checks) =>
        checks.Select(check =>
        {
            try
            {
                return (check, check.Evaluate(facts));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return (check, CheckOutcome.Skip($"the check failed internally: {ex.GetType().Name}: {ex.Message}"));
            }
        }).ToList();
}

namespace GoWatch.Checks.Tests.Support;

/// <summary>What the fake <c>go env -json</c> does.</summary>
public enum FakeGoBehaviour
{
    Normal,
    Hang,
    Garbage,
}

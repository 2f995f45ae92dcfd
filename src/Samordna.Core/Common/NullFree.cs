namespace Samordna.Core.Common;

/// <summary>Lists as JSON delivers them may be missing or hold nulls; rules want neither.</summary>
public static class NullFree
{
    public static IReadOnlyList<T> Of<T>(IEnumerable<T?>? items) where T : class => items?.OfType<T>().ToList() ?? [];
}

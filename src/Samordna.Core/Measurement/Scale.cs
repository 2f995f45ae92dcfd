namespace Samordna.Core.Measurement;

/// <summary>One answer option of a scale: a stable code, the exact Swedish label, and a number where the instrument defines one.</summary>
public sealed record ScaleStep(string Code, string Label, double? Value = null);

/// <summary>Groups of steps reported together (e.g. "Mycket ofta/Ofta – Ibland – Sällan/Aldrig").</summary>
public sealed record CollapsedCategory(string Label, IReadOnlyList<string> StepCodes);

/// <summary>
/// An ordered answer scale. Substantive steps are ordered from lowest to highest; non-substantive answers
/// (vet ej, ej aktuellt, kan ej bedöma) are kept apart from both the steps and a blank answer, so every
/// percentage can state its base.
/// </summary>
public sealed record Scale(
    string Code,
    string Title,
    IReadOnlyList<ScaleStep> Steps,
    IReadOnlyList<ScaleStep> NonSubstantive,
    IReadOnlyList<CollapsedCategory>? Collapsing = null)
{
    public bool IsNumeric => Steps.All(s => s.Value is not null);

    /// <summary>Reads a raw answer: a step or non-substantive option by code or label (case-insensitive), or blank.</summary>
    public AnswerValue Read(string? raw)
    {
        var text = (raw ?? "").Trim();
        if (text.Length == 0) return AnswerValue.Blank;
        for (var i = 0; i < Steps.Count; i++)
            if (Matches(Steps[i], text)) return AnswerValue.Substantive(i);
        foreach (var option in NonSubstantive)
            if (Matches(option, text)) return AnswerValue.NotSubstantive(option.Code);
        return AnswerValue.Invalid;
    }

    /// <summary>The accepted answers, for error messages that say what was expected.</summary>
    public string Describe() =>
        string.Join(", ", Steps.Concat(NonSubstantive).Select(s => $"\"{s.Label}\" ({s.Code})"));

    private static bool Matches(ScaleStep step, string text) =>
        string.Equals(step.Code, text, StringComparison.OrdinalIgnoreCase)
        || string.Equals(step.Label, text, StringComparison.OrdinalIgnoreCase);
}

/// <summary>What one answer is, once read against its scale.</summary>
public readonly record struct AnswerValue(AnswerKind Kind, int StepIndex, string? NonSubstantiveCode)
{
    public static AnswerValue Blank => new(AnswerKind.Blank, -1, null);
    public static AnswerValue Invalid => new(AnswerKind.Invalid, -1, null);
    public static AnswerValue Substantive(int stepIndex) => new(AnswerKind.Substantive, stepIndex, null);
    public static AnswerValue NotSubstantive(string code) => new(AnswerKind.NonSubstantive, -1, code);
}

public enum AnswerKind { Substantive, NonSubstantive, Blank, Invalid }

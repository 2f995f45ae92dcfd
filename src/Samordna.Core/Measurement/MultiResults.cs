namespace Samordna.Core.Measurement;

/// <summary>One option of a multi-select item in one group; Count and Percent null when hidden.</summary>
public sealed record OptionResult(string Code, string Label, long? Count, double? Percent);

/// <summary>
/// A multi-select item in one group: N answer records were asked, ValidBase chose at least one option, and each
/// option's percent is of ValidBase (so they may sum to more than 100).
/// </summary>
public sealed record MultiGroupResult(string Group, long? N, long? ValidBase, long? NonSubstantive, long? Blank,
    IReadOnlyList<OptionResult> Options, bool Suppressed);

public sealed record MultiItemResult(string Code, string Wording, string Scale, IReadOnlyList<MultiGroupResult> Groups);

/// <summary>The counts of one group: records choosing each option (in scale order), and records by what they answered.</summary>
public sealed record MultiCounts(string Group, long[] Chosen, long Answered, long NonSubstantive, long Blank);

/// <summary>
/// Results of a multi-select item (e.g. forms of collaboration). Each option is a yes/no question of its own —
/// chosen or not, among those who chose anything — and is protected by the same suppression as a single item
/// (small groups merged, complementary cells hidden against "Alla"), since "not chosen" = base − chosen is
/// derivable from what is shown. The group sizes are the same for every option, so they are read from the first.
/// </summary>
public static class MultiResults
{
    private static readonly Scale ChosenOrNot = new("multi-option", "Valt eller inte",
        [new ScaleStep("valt", "Valt"), new ScaleStep("ej-valt", "Inte valt")], []);

    public static MultiItemResult Summarise(Item item, Scale scale, IReadOnlyList<MultiCounts> groups, int threshold)
    {
        if (groups.Count == 0) return new MultiItemResult(item.Code, item.Wording, scale.Code, []);
        var perOption = scale.Steps.Select((step, k) => ItemResults.SummariseCounts(item, ChosenOrNot,
            groups.Select(g => new ItemResults.Counts(g.Group, [g.Chosen[k], g.Answered - g.Chosen[k]], g.NonSubstantive, g.Blank)).ToList(),
            threshold)).ToList();
        var rows = perOption[0].Groups.Select((first, gi) => new MultiGroupResult(first.Group, first.N, first.ValidBase, first.NonSubstantive, first.Blank,
            scale.Steps.Select((step, k) => Chosen(step, perOption[k].Groups[gi])).ToList(),
            first.Suppressed)).ToList();
        return new MultiItemResult(item.Code, item.Wording, scale.Code, rows);
    }

    private static OptionResult Chosen(ScaleStep option, GroupResult group) =>
        new(option.Code, option.Label, group.Categories[0].Count, group.Categories[0].Percent);

    /// <summary>Counts one group's records from each record's answer codes to the item (none: blank).</summary>
    public static MultiCounts Count(Scale scale, string group, IEnumerable<IReadOnlyCollection<string?>> records)
    {
        var chosen = new long[scale.Steps.Count];
        long answered = 0, nonSubstantive = 0, blank = 0;
        foreach (var codes in records)
        {
            var values = codes.Where(c => c is not null).Select(c => scale.Read(c)).ToList();
            var substantive = values.Where(v => v.Kind == AnswerKind.Substantive).Select(v => v.StepIndex).Distinct().ToList();
            if (substantive.Count > 0)
            {
                answered++;
                foreach (var k in substantive) chosen[k]++;
            }
            else if (values.Any(v => v.Kind == AnswerKind.NonSubstantive)) nonSubstantive++;
            else blank++;
        }
        return new MultiCounts(group, chosen, answered, nonSubstantive, blank);
    }
}

using Microsoft.EntityFrameworkCore;
using Samordna.Core.Measurement;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Measurement;

public sealed record RoundInfo(int Id, string Name, string Instrument, int Version, int? BaselineRoundId);
/// <param name="MultiItems">multi-select items (forms of collaboration): each option's count and percent of those who chose anything.</param>
/// <param name="Collapsed">the items whose scale has collapsing rules, on the collapsed categories (e.g. Mycket ofta/Ofta – Ibland – Sällan/Aldrig).</param>
public sealed record ResultsDto(RoundInfo Round, string? By, string CountedPer, int Threshold, IReadOnlyList<ItemResult> Items,
    IReadOnlyList<MultiItemResult> MultiItems, IReadOnlyList<ItemResult> Collapsed);
public sealed record ChiSquareDto(double Statistic, int Df, double P);
public sealed record MannWhitneyDto(double U, double Z, double P);
public sealed record GroupComparisonDto(string Group, GroupResult Baseline, GroupResult Current, double? UpperThreeDiff, double[]? Ci95,
    ChiSquareDto? ChiSquare, MannWhitneyDto? MannWhitney, string? Note);
/// <param name="BaselineCode">the paired item's code in the other round (Mysam's M1 for the staff's P1).</param>
public sealed record ItemComparisonDto(string Code, string BaselineCode, string Wording, IReadOnlyList<GroupComparisonDto> Groups);
public sealed record ComparisonDto(RoundInfo Round, RoundInfo Baseline, string? By, int Threshold, IReadOnlyList<ItemComparisonDto> Items);

/// <summary>
/// Results and comparisons of survey rounds. The database counts answers per item, group and answer code in
/// one grouped query; the pure rules in Core turn the counts into percentages, tests and suppression.
/// Records are counted (a person who answered for two municipalities counts twice), as CountedPer says.
/// </summary>
public sealed class MeasurementResults(SamordnaDb db, MeasurementOptions options, UnitGroupings groupings, TimeProvider clock)
{
    /// <summary>
    /// A round answered through personal links shows results only once it has closed: live results could be
    /// polled and compared before and after one person's answer. Imported rounds have no links and show at once.
    /// </summary>
    public async Task<string?> NotYetPublishedAsync(params int?[] roundIds)
    {
        foreach (var id in roundIds.Where(i => i is not null))
            if (await db.SurveyRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id) is { } round && await NotYetPublishedAsync(round) is { } why)
                return why;
        return null;
    }

    private async Task<string?> NotYetPublishedAsync(SurveyRound round)
    {
        if (!await db.SurveyInvitations.AnyAsync(i => i.RoundId == round.Id)) return null;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (round.ClosesOn is { } closes && today > closes) return null;
        return round.ClosesOn is { } c
            ? $"Resultaten visas när mätomgången har stängt, efter {c:yyyy-MM-dd}, så att ingen enskild persons svar kan urskiljas medan svaren kommer in."
            : "Resultaten visas när mätomgången har stängt. Ange sista svarsdag under Utskick; svarsfrekvensen kan följas där under tiden.";
    }

    public const string MissingGroup = "(uppgift saknas)";

    private sealed record CountRow(string ItemCode, string? Group, string? Value, long Count);

    public async Task<ResultsDto?> ResultsAsync(int roundId, string? by)
    {
        var round = await db.SurveyRounds.AsNoTracking().Include(r => r.Instrument).SingleOrDefaultAsync(r => r.Id == roundId);
        if (round is null) return null;
        var instrument = InstrumentBank.Definition(round.Instrument!);
        var counts = await CountAsync(round, by);
        var threshold = options.SuppressionThreshold;
        var items = ScaleItems(instrument)
            .Select(item => ItemResults.SummariseCounts(item, instrument.ScaleOf(item), GroupCounts(instrument, item, counts, by), threshold))
            .ToList();
        // Shown beside the full table, so a collapsed cell never gives back a cell the full table hides.
        var collapsed = ScaleItems(instrument).Where(item => instrument.ScaleOf(item).Collapsing is { Count: > 0 })
            .Select(item => ItemResults.CollapsedBeside(items.Single(i => i.Code == item.Code),
                ItemResults.SummariseCollapsedCounts(item, instrument.ScaleOf(item), GroupCounts(instrument, item, counts, by), threshold), instrument.ScaleOf(item)))
            .ToList();
        var multi = instrument.Items.Where(i => i.Kind == ItemKind.Multi).ToList();
        var multiItems = multi.Count == 0 ? [] : await MultiResultsAsync(round, instrument, multi, by);
        return new ResultsDto(Info(round), by, "record", threshold, items, multiItems, collapsed);
    }

    /// <summary>
    /// Multi-select items need each record's set of answers (the base is the records that chose anything), so their
    /// answers are read per record rather than counted per value; there are few such items and one row per choice.
    /// </summary>
    private async Task<List<MultiItemResult>> MultiResultsAsync(SurveyRound round, Instrument instrument, List<Item> items, string? by)
    {
        var codes = items.Select(i => i.Code).ToList();
        var (source, map) = await SourceOfAsync(round, by);
        var answers = from a in db.SurveyAnswers
                      join r in db.SurveyRecords on a.RecordId equals r.Id
                      where r.RoundId == round.Id && codes.Contains(a.ItemCode)
                      select new { a.ItemCode, a.Value, a.RecordId };
        var rows = source is null
            ? (await answers.ToListAsync()).Select(x => (x.ItemCode, x.Value, x.RecordId, Group: (string?)ItemResults.AllGroup)).ToList()
            : (await (from x in answers
                      join u in db.SurveyRecordUnits.Where(u => u.Attribute == source) on x.RecordId equals u.RecordId into units
                      from u in units.DefaultIfEmpty()
                      select new { x.ItemCode, x.Value, x.RecordId, Group = u.Value }).ToListAsync())
                .Select(x => (x.ItemCode, x.Value, x.RecordId, Group: x.Group is null ? null : map is null ? x.Group : map.GetValueOrDefault(x.Group))).ToList();
        return items.Select(item =>
        {
            var scale = instrument.ScaleOf(item);
            var groups = rows.Where(r => r.ItemCode == item.Code)
                .GroupBy(r => r.Group ?? MissingGroup)
                .OrderBy(g => g.Key == MissingGroup).ThenBy(g => g.Key, StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), false))
                .Select(g => MultiResults.Count(scale, g.Key, g.GroupBy(r => r.RecordId).Select(record => (IReadOnlyCollection<string?>)record.Select(r => r.Value).ToList())))
                .ToList();
            return MultiResults.Summarise(item, scale, groups, options.SuppressionThreshold);
        }).ToList();
    }

    /// <summary>
    /// A round against its baseline, or against another round of the same association given in <paramref name="otherRoundId"/>
    /// (managers against staff: Mysam's M1 is the staff's P1). Items are paired by fingerprint, so only questions
    /// that read exactly the same are compared, whatever their codes.
    /// </summary>
    public async Task<ComparisonDto?> ComparisonAsync(int roundId, string? by, int? otherRoundId = null)
    {
        var round = await db.SurveyRounds.AsNoTracking().Include(r => r.Instrument).SingleOrDefaultAsync(r => r.Id == roundId);
        if ((otherRoundId ?? round?.BaselineRoundId) is not { } baselineId || round is null) return null;
        var baseline = await db.SurveyRounds.AsNoTracking().Include(r => r.Instrument)
            .SingleOrDefaultAsync(r => r.Id == baselineId && r.AssociationId == round.AssociationId);
        if (baseline is null) return null;
        var current = InstrumentBank.Definition(round.Instrument!);
        var before = InstrumentBank.Definition(baseline.Instrument!);
        var currentCounts = await CountAsync(round, by);
        var baselineCounts = await CountAsync(baseline, by);

        var items = new List<ItemComparisonDto>();
        foreach (var item in ScaleItems(current))
        {
            // Only items that read exactly the same in both rounds are compared; the same code is preferred.
            var fingerprint = item.Fingerprint(current.ScaleOf(item));
            var old = ScaleItems(before).Where(o => o.Fingerprint(before.ScaleOf(o)) == fingerprint)
                .OrderBy(o => o.Code == item.Code ? 0 : 1).FirstOrDefault();
            if (old is null) continue;
            var comparison = RoundComparison.CompareCounts(item, current.ScaleOf(item),
                GroupCounts(before, old, baselineCounts, by), GroupCounts(current, item, currentCounts, by), options.SuppressionThreshold);
            items.Add(new ItemComparisonDto(comparison.Code, old.Code, comparison.Wording, comparison.Groups.Select(g => new GroupComparisonDto(
                g.Group, g.Baseline, g.Current, g.UpperThreeDiff, g.Ci95,
                g.ChiSquare is { } c ? new ChiSquareDto(c.Statistic, c.DegreesOfFreedom, c.P) : null,
                g.MannWhitney is { } m ? new MannWhitneyDto(m.U, m.Z, m.P) : null,
                g.Note)).ToList()));
        }
        return new ComparisonDto(Info(round), Info(baseline), by, options.SuppressionThreshold, items);
    }

    /// <summary>
    /// The respondents' comments per item, without group or record, and only when the round has at least as many
    /// records as the suppression threshold: a comment from a round of three could point at its writer.
    /// </summary>
    public async Task<Dictionary<string, List<string>>> CommentsAsync(int roundId)
    {
        // Persons, not records: one person answering for five municipalities is still one writer.
        var persons = await db.SurveyRecords.Where(r => r.RoundId == roundId && r.RespondentKey != null).Select(r => r.RespondentKey).Distinct().CountAsync()
                      + await db.SurveyRecords.CountAsync(r => r.RoundId == roundId && r.RespondentKey == null);
        if (persons < options.SuppressionThreshold) return [];
        var comments = await db.SurveyComments.Where(c => db.SurveyRecords.Any(r => r.Id == c.RecordId && r.RoundId == roundId))
            .Select(c => new { c.ItemCode, c.Text }).ToListAsync();
        return comments.GroupBy(c => c.ItemCode).ToDictionary(g => g.Key, g => g.Select(c => c.Text).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>What results can be broken down by: the records' unit attributes and the association's groupings.</summary>
    public async Task<List<string>> AttributesAsync(int roundId)
    {
        var own = await db.SurveyRecordUnits.Where(u => db.SurveyRecords.Any(r => r.Id == u.RecordId && r.RoundId == roundId))
            .Select(u => u.Attribute).Distinct().ToListAsync();
        var derived = await db.UnitGroupings.Where(g => db.SurveyRounds.Any(r => r.Id == roundId && r.AssociationId == g.AssociationId))
            .Select(g => g.Attribute).Distinct().ToListAsync();
        return own.Union(derived).Order(StringComparer.Ordinal).ToList();
    }

    public static IEnumerable<Item> ScaleItems(Instrument instrument) => instrument.Items.Where(i => i.Kind != ItemKind.Multi);

    private static RoundInfo Info(SurveyRound r) => new(r.Id, r.Name, r.Instrument!.Code, r.Instrument.Version, r.BaselineRoundId);

    /// <summary>
    /// Counts by the records' own attribute; when no record has it and the association groups another attribute
    /// into it (county parts of municipalities), by that attribute, mapped into the groups.
    /// </summary>
    private async Task<List<CountRow>> CountAsync(SurveyRound round, string? attribute)
    {
        var (source, map) = await SourceOfAsync(round, attribute);
        if (map is null) return await CountAsync(round.Id, source);
        return (await CountAsync(round.Id, source))
            .GroupBy(r => (r.ItemCode, Group: r.Group is not null && map.TryGetValue(r.Group, out var g) ? g : null, r.Value))
            .Select(g => new CountRow(g.Key.ItemCode, g.Key.Group, g.Key.Value, g.Sum(r => r.Count))).ToList();
    }

    /// <summary>The attribute the records carry for a breakdown, and the association's map into the groups when it is derived.</summary>
    private async Task<(string? Source, IReadOnlyDictionary<string, string>? Map)> SourceOfAsync(SurveyRound round, string? attribute)
    {
        if (attribute is null || await db.SurveyRecordUnits.AnyAsync(u => u.Attribute == attribute && db.SurveyRecords.Any(r => r.Id == u.RecordId && r.RoundId == round.Id)))
            return (attribute, null);
        return await groupings.FindAsync(round.AssociationId, attribute) is { } grouping ? (grouping.Source, grouping.Map) : (attribute, null);
    }

    private async Task<List<CountRow>> CountAsync(int roundId, string? attribute)
    {
        var answers = from a in db.SurveyAnswers
                      join r in db.SurveyRecords on a.RecordId equals r.Id
                      where r.RoundId == roundId
                      select new { a.ItemCode, a.Value, RecordId = r.Id };
        if (attribute is null)
            return await answers.GroupBy(x => new { x.ItemCode, x.Value })
                .Select(g => new CountRow(g.Key.ItemCode, null, g.Key.Value, g.LongCount())).ToListAsync();
        return await (from x in answers
                      join u in db.SurveyRecordUnits.Where(u => u.Attribute == attribute) on x.RecordId equals u.RecordId into units
                      from u in units.DefaultIfEmpty()
                      group x by new { x.ItemCode, Group = u.Value, x.Value } into g
                      select new CountRow(g.Key.ItemCode, g.Key.Group, g.Key.Value, g.LongCount())).ToListAsync();
    }

    private static List<ItemResults.Counts> GroupCounts(Instrument instrument, Item item, List<CountRow> counts, string? by)
    {
        var scale = instrument.ScaleOf(item);
        var rows = counts.Where(c => c.ItemCode == item.Code).ToList();
        var groups = by is null
            ? [ItemResults.AllGroup]
            : rows.Select(r => r.Group ?? MissingGroup).Distinct().OrderBy(g => g == MissingGroup).ThenBy(g => g, StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), false)).ToList();
        return groups.Select(group => CountsOf(scale, group, rows.Where(r => by is null || (r.Group ?? MissingGroup) == group).Select(r => (r.Value, r.Count)))).ToList();
    }

    /// <summary>One group's answer counts read against the scale: per step, non-substantive, blank.</summary>
    public static ItemResults.Counts CountsOf(Scale scale, string group, IEnumerable<(string? Value, long Count)> rows)
    {
        var steps = new long[scale.Steps.Count];
        long nonSubstantive = 0, blank = 0;
        foreach (var (answer, count) in rows)
        {
            var value = scale.Read(answer);
            if (value.Kind == AnswerKind.Substantive) steps[value.StepIndex] += count;
            else if (value.Kind == AnswerKind.NonSubstantive) nonSubstantive += count;
            else blank += count;
        }
        return new ItemResults.Counts(group, steps, nonSubstantive, blank);
    }
}

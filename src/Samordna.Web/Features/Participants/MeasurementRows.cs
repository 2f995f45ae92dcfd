using System.Text.Json;
using Samordna.Core.Participants;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Participants;

/// <summary>Between Core's measurement and its row: income sources as comma-separated codes, own questions as JSON.</summary>
public static class MeasurementRows
{
    public static ParticipantMeasurement ToRow(MeasurementValues m, string recordedBy, int? corrects = null, string? note = null) => new()
    {
        Point = m.Point,
        IncomeSources = m.IncomeSources.Count == 0 ? null : string.Join(",", m.IncomeSources.Order()),
        Occupation = m.Occupation,
        Education = m.Education,
        MonthsOnSupport = m.MonthsOnSupport,
        SelfRatedHealth = m.SelfRatedHealth,
        ExtraAnswers = m.ExtraAnswers.Count == 0 ? null : JsonSerializer.Serialize(m.ExtraAnswers),
        MeasuredOn = m.MeasuredOn,
        RecordedBy = recordedBy,
        CorrectsId = corrects,
        CorrectionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(note.Trim().Length, 500)],
    };

    public static IReadOnlySet<IncomeSource> IncomeOf(ParticipantMeasurement row) => IncomeOf(row.IncomeSources);

    public static IReadOnlySet<IncomeSource> IncomeOf(string? stored) =>
        (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<IncomeSource>).ToHashSet();

    public static IReadOnlyDictionary<string, string> ExtraOf(ParticipantMeasurement row) => ExtraOf(row.ExtraAnswers);

    public static IReadOnlyDictionary<string, string> ExtraOf(string? stored) =>
        stored is null ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(stored)!;

    /// <summary>The rows reports use: per point, the one no later row corrects.</summary>
    public static IEnumerable<ParticipantMeasurement> Current(IEnumerable<ParticipantMeasurement> rows)
    {
        var list = rows.ToList();
        var corrected = list.Where(r => r.CorrectsId is not null).Select(r => r.CorrectsId!.Value).ToHashSet();
        return list.Where(r => !corrected.Contains(r.Id));
    }
}

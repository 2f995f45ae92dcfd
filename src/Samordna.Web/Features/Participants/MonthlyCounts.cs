using Microsoft.EntityFrameworkCore;
using Samordna.Core.Common;
using Samordna.Core.Interventions;
using Samordna.Web.Data;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Participants;

/// <summary>
/// Count-only interventions (volyminsatser): new participants per month by gender, entered by the intervention lead.
/// A year is saved as a whole: the months sent replace the months stored, checked against the year's revision so
/// that two people entering the same year cannot overwrite each other unseen.
/// </summary>
public sealed class MonthlyCounts(SamordnaDb db, TimeProvider clock)
{
    public const int MaxPerMonth = 100_000;

    public Task<List<MonthlyCount>> ForYearAsync(int interventionId, int year) =>
        db.MonthlyCounts.AsNoTracking().Where(m => m.InterventionId == interventionId && m.Year == year).OrderBy(m => m.Month).ToListAsync();

    /// <summary>The year's revision: 0 before it is first saved.</summary>
    public async Task<int> RevisionAsync(int interventionId, int year) =>
        await db.MonthlyCountYears.Where(y => y.InterventionId == interventionId && y.Year == year).Select(y => (int?)y.Revision).SingleOrDefaultAsync() ?? 0;

    public async Task<Result<List<MonthlyCount>>?> SetYearAsync(int interventionId, int year, IReadOnlyList<MonthlyCountRequest> months, int? revision = null)
    {
        var intervention = await db.Interventions.SingleOrDefaultAsync(i => i.Id == interventionId);
        if (intervention is null) return null;
        var errors = new List<FieldError>();
        if (intervention.MeasurementMethod != MeasurementMethod.CountsOnly)
            errors.Add(new("intervention", $"{intervention.Name} har mätmetoden {InterventionNames.Swedish(intervention.MeasurementMethod).ToLowerInvariant()}; antal per månad registreras bara för volyminsatser."));
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        if (year < 2004 || year > today.Year) errors.Add(new("year", $"Året ska vara mellan 2004 och {today.Year}."));
        for (var i = 0; i < months.Count; i++)
        {
            var m = months[i];
            if (m.Month is < 1 or > 12) errors.Add(new($"[{i}].month", $"Rad {i + 1}: månaden ska vara 1–12."));
            else if (months.Take(i).Any(o => o.Month == m.Month)) errors.Add(new($"[{i}].month", $"Rad {i + 1}: månad {m.Month} finns redan."));
            else if (year == today.Year && m.Month > today.Month) errors.Add(new($"[{i}].month", $"Rad {i + 1}: månad {m.Month} har inte börjat än."));
            foreach (var (field, value) in new[] { ("women", m.Women), ("men", m.Men), ("other", m.Other) })
                if (value is < 0 or > MaxPerMonth) errors.Add(new($"[{i}].{field}", $"Rad {i + 1}: antalet ska vara 0–{MaxPerMonth:N0}."));
        }
        if (errors.Count > 0) return Result<List<MonthlyCount>>.Fail(errors);

        var stored = await db.MonthlyCountYears.SingleOrDefaultAsync(y => y.InterventionId == interventionId && y.Year == year);
        if (Revisions.IsStale(revision, stored?.Revision ?? 0)) return Revisions.Conflict<List<MonthlyCount>>($"Antalen för {year}");
        if (stored is null) db.MonthlyCountYears.Add(stored = new MonthlyCountYear { InterventionId = interventionId, Year = year });
        stored.Revision++;
        db.MonthlyCounts.RemoveRange(await db.MonthlyCounts.Where(m => m.InterventionId == interventionId && m.Year == year).ToListAsync());
        var rows = months.Where(m => m.Women + m.Men + m.Other > 0).OrderBy(m => m.Month)
            .Select(m => new MonthlyCount { Intervention = intervention, InterventionId = interventionId, Year = year, Month = m.Month, Women = m.Women, Men = m.Men, Other = m.Other }).ToList();
        db.MonthlyCounts.AddRange(rows);
        return await Revisions.TrySaveAsync(db) ? Result<List<MonthlyCount>>.Ok(rows) : Revisions.Conflict<List<MonthlyCount>>($"Antalen för {year}");
    }
}

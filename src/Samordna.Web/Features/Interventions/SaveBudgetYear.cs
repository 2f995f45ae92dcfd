using Microsoft.EntityFrameworkCore;
using Samordna.Core.Common;
using Samordna.Core.Interventions;
using Samordna.Web.Data;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Interventions;

public sealed record BudgetLineInput(string? Kind, string? Label, decimal? Budget, decimal? Outcome);
/// <param name="Revision">The year's revision when it was read (0 for a year without a budget); null skips the check.</param>
public sealed record BudgetYearRequest(int? PlannedParticipants, int? ActualParticipants, IReadOnlyList<BudgetLineInput>? Lines, int? Revision = null);

/// <summary>Replaces one year's budget of an intervention: participants and every line, all or nothing.</summary>
public sealed class SaveBudgetYear(SamordnaDb db)
{
    public async Task<Result<BudgetYearFigures>?> HandleAsync(int interventionId, int year, BudgetYearRequest request)
    {
        if (!await db.Interventions.AnyAsync(i => i.Id == interventionId)) return null;
        var row = await db.InterventionBudgetYears.Include(y => y.Lines).SingleOrDefaultAsync(y => y.InterventionId == interventionId && y.Year == year);
        if (Revisions.IsStale(request.Revision, row?.Revision ?? 0)) return Revisions.Conflict<BudgetYearFigures>(What(year));
        var parsed = Parse(year, request, out var errors);
        // Rows that could not be read are left out of the parsed list, so its row numbers only hold when all were read.
        if (errors.Count == 0) errors.AddRange(BudgetRules.Validate(parsed));
        if (errors.Count > 0) return Result<BudgetYearFigures>.Fail(errors);

        if (row is null)
        {
            row = new InterventionBudgetYear { InterventionId = interventionId, Year = year };
            db.InterventionBudgetYears.Add(row);
        }
        row.PlannedParticipants = parsed.PlannedParticipants;
        row.ActualParticipants = parsed.ActualParticipants;
        row.Lines.Clear();
        foreach (var line in parsed.Lines)
            row.Lines.Add(new InterventionBudgetLine { Kind = line.Kind, Label = line.Label, Budget = line.Budget, Outcome = line.Outcome });
        row.Revision++;
        return await Revisions.TrySaveAsync(db) ? Result<BudgetYearFigures>.Ok(parsed) : Revisions.Conflict<BudgetYearFigures>(What(year));
    }

    /// <summary>Removes a year's budget; null when there is none, a conflict when it changed since <paramref name="revision"/> was read.</summary>
    public async Task<Result<int>?> DeleteAsync(int interventionId, int year, int? revision = null)
    {
        var row = await db.InterventionBudgetYears.SingleOrDefaultAsync(y => y.InterventionId == interventionId && y.Year == year);
        if (row is null) return null;
        if (Revisions.IsStale(revision, row.Revision)) return Revisions.Conflict<int>(What(year));
        db.InterventionBudgetYears.Remove(row);
        return await Revisions.TrySaveAsync(db) ? Result<int>.Ok(year) : Revisions.Conflict<int>(What(year));
    }

    public static string What(int year) => $"Budgeten för {year}";

    public static BudgetYearFigures ToFigures(InterventionBudgetYear row) =>
        new(row.Year, row.PlannedParticipants, row.ActualParticipants,
            row.Lines.OrderBy(l => l.Kind).ThenBy(l => l.Id).Select(l => new BudgetLine(l.Kind, l.Label, l.Budget, l.Outcome)).ToList());

    private static BudgetYearFigures Parse(int year, BudgetYearRequest request, out List<FieldError> errors)
    {
        errors = [];
        var lines = new List<BudgetLine>();
        var inputs = NullFree.Of(request.Lines);
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var kind = BudgetLineNames.Parse(input.Kind);
            if (kind is null)
                errors.Add(new($"lines[{i}].kind", $"Rad {i + 1}: okänd radtyp \"{input.Kind}\". Välj InterventionCost (insatskostnad), EsfCost (ESF-medel) eller Other (övrigt)."));
            if (input.Budget is null)
                errors.Add(new($"lines[{i}].budget", $"Rad {i + 1}: ange budget i kronor (0 om inget är budgeterat)."));
            if (kind is not null && input.Budget is not null)
                lines.Add(new BudgetLine(kind.Value, SaveIntervention.Text(input.Label), input.Budget.Value, input.Outcome));
        }
        return new BudgetYearFigures(year, request.PlannedParticipants, request.ActualParticipants, lines);
    }
}

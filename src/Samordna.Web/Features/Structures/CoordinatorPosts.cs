using Microsoft.EntityFrameworkCore;
using Samordna.Core.Common;
using Samordna.Core.Reference;
using Samordna.Core.Structures;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Structures;

public sealed record AssignmentRequest(string? MunicipalityCode, string? PersonName, decimal? FtePercent, DateOnly? From, DateOnly? To, int? Revision = null);

public sealed record FundingRequest(string? MunicipalityCode, int? Year, long? Cap, long? ActualCost, int? Revision = null);

public sealed record CoordinatorPostView(string MunicipalityCode, string Municipality, IReadOnlyList<CoordinatorAssignment> Assignments,
    IReadOnlyList<Vacancy> Vacancies, FundingCheck? Funding);

/// <summary>Coordinator posts per municipality: who held them when, at what share, the gaps, and funding cap against cost.</summary>
public sealed class CoordinatorPosts(SamordnaDb db)
{
    public async Task<List<CoordinatorPostView>> ListAsync(int associationId, int year)
    {
        var assignments = await db.CoordinatorAssignments.AsNoTracking().Where(a => a.AssociationId == associationId).OrderBy(a => a.FromDate).ToListAsync();
        var funding = await db.CoordinatorFundings.AsNoTracking().Where(f => f.AssociationId == associationId && f.Year == year).ToListAsync();
        var codes = assignments.Select(a => a.MunicipalityCode).Concat(funding.Select(f => f.MunicipalityCode)).Distinct().OrderBy(c => c);
        return codes.Select(code =>
        {
            var mine = assignments.Where(a => a.MunicipalityCode == code).ToList();
            var periods = mine.Select(a => new CoordinatorPeriod(a.PersonName, a.FtePercent, a.FromDate, a.ToDate)).ToList();
            var f = funding.SingleOrDefault(x => x.MunicipalityCode == code);
            return new CoordinatorPostView(code, SwedishRegions.FindMunicipality(code)?.Name ?? code, mine,
                Coordinators.Vacancies(periods, new(year, 1, 1), new(year, 12, 31)),
                f is null ? null : Coordinators.Check(year, f.Cap, f.ActualCost, periods));
        }).ToList();
    }

    public async Task<Result<CoordinatorAssignment>> AssignAsync(int associationId, AssignmentRequest r)
    {
        var assignment = new CoordinatorAssignment { AssociationId = associationId };
        if (Apply(assignment, r) is { Count: > 0 } errors) return Result<CoordinatorAssignment>.Fail(errors);
        db.CoordinatorAssignments.Add(assignment);
        await db.SaveChangesAsync();
        return Result<CoordinatorAssignment>.Ok(assignment);
    }

    /// <summary>Corrects an assignment (share, period, e.g. its end when the coordinator leaves) from the revision the caller read.</summary>
    public async Task<Result<CoordinatorAssignment>?> UpdateAssignmentAsync(int associationId, int assignmentId, AssignmentRequest r)
    {
        if (await db.CoordinatorAssignments.SingleOrDefaultAsync(a => a.Id == assignmentId && a.AssociationId == associationId) is not { } assignment) return null;
        if (Revisions.IsStale(r.Revision, assignment.Revision)) return Result<CoordinatorAssignment>.Fail([Revisions.Conflict("uppdraget")]);
        if (Apply(assignment, r) is { Count: > 0 } errors) return Result<CoordinatorAssignment>.Fail(errors);
        assignment.Revision++;
        errors = await Revisions.SaveAsync(db, "uppdraget");
        return errors.Count == 0 ? Result<CoordinatorAssignment>.Ok(assignment) : Result<CoordinatorAssignment>.Fail(errors);
    }

    private static IReadOnlyList<FieldError> Apply(CoordinatorAssignment assignment, AssignmentRequest r)
    {
        var input = new Input();
        var code = Municipality(input, r.MunicipalityCode);
        var name = input.Required("personName", "koordinatorns namn", r.PersonName, 200);
        var fte = input.RequiredValue("ftePercent", "tjänstgöringsgrad i procent", r.FtePercent);
        if (r.FtePercent is <= 0 or > 100) input.Errors.Add(new("ftePercent", "Tjänstgöringsgraden ska vara större än 0 och högst 100 procent."));
        var from = input.RequiredValue("from", "startdatum (ÅÅÅÅ-MM-DD)", r.From);
        input.Add(Tenure.CheckPeriod(r.From, r.To));
        if (!input.IsValid) return input.Errors;
        (assignment.MunicipalityCode, assignment.PersonName, assignment.FtePercent, assignment.FromDate, assignment.ToDate) = (code, name, fte, from, r.To);
        return [];
    }

    public async Task<Result<CoordinatorFunding>> SetFundingAsync(int associationId, FundingRequest r)
    {
        var input = new Input();
        var code = Municipality(input, r.MunicipalityCode, "fundingMunicipalityCode");
        var year = input.RequiredValue("year", "år", r.Year);
        if (r.Year is < 2000 or > 2100) input.Errors.Add(new("year", "Året ska skrivas med fyra siffror, t.ex. 2018."));
        var cap = input.RequiredValue("cap", "tak i kronor per år", r.Cap);
        if (r.Cap < 0) input.Errors.Add(new("cap", "Taket kan inte vara negativt."));
        if (r.ActualCost < 0) input.Errors.Add(new("actualCost", "Den faktiska kostnaden kan inte vara negativ."));
        if (!input.IsValid) return Result<CoordinatorFunding>.Fail(input.Errors);
        var funding = await db.CoordinatorFundings.SingleOrDefaultAsync(f => f.AssociationId == associationId && f.MunicipalityCode == code && f.Year == year);
        if (funding is not null && Revisions.IsStale(r.Revision, funding.Revision)) return Result<CoordinatorFunding>.Fail([Revisions.Conflict("finansieringen")]);
        if (funding is null) db.CoordinatorFundings.Add(funding = new CoordinatorFunding { AssociationId = associationId, MunicipalityCode = code, Year = year });
        (funding.Cap, funding.ActualCost) = (cap, r.ActualCost);
        funding.Revision++;
        var errors = await Revisions.SaveAsync(db, "finansieringen");
        return errors.Count == 0 ? Result<CoordinatorFunding>.Ok(funding) : Result<CoordinatorFunding>.Fail(errors);
    }

    private static string Municipality(Input input, string? code, string field = "municipalityCode")
    {
        var c = (code ?? "").Trim();
        if (SwedishRegions.FindMunicipality(c) is null)
            input.Errors.Add(new(field, $"Välj en kommun (SCB:s fyrsiffriga kod){(c.Length > 0 ? $"; \"{c}\" finns inte" : "")}."));
        return c;
    }
}

using Microsoft.EntityFrameworkCore;
using Samordna.Core.Common;
using Samordna.Core.Structures;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Structures;

public sealed record DeviationRequest(string? Category, string? Description, IReadOnlyList<string>? Actors, string? Recipient, DateOnly? ReportedOn);

public sealed record DeviationUpdate(string? Status, string? ActionTaken, int? Revision = null);

/// <summary>Deviation reports (Lex Heller): refused when the free text holds an identity number; counted per category and actor.</summary>
public sealed class DeviationReports(SamordnaDb db, StructureQueries queries)
{
    public Task<List<CollaborationDeviation>> ListAsync(int associationId) =>
        db.CollaborationDeviations.AsNoTracking().Include(d => d.Actors).Where(d => d.AssociationId == associationId)
            .OrderByDescending(d => d.ReportedOn).ThenByDescending(d => d.Id).ToListAsync();

    public async Task<Result<CollaborationDeviation>> ReportAsync(int associationId, DeviationRequest r)
    {
        var input = new Input();
        var deviation = new CollaborationDeviation { AssociationId = associationId, Status = DeviationStatus.New, ReportedOn = r.ReportedOn ?? queries.Today };
        deviation.Category = input.Choice<DeviationCategory>("category", "kategori", r.Category, Deviations.Swedish);
        deviation.Description = input.Required("description", "vad som brast i samverkan", r.Description, 4000);
        deviation.Recipient = input.Required("recipient", "mottagare (den som ska hantera avvikelsen)", r.Recipient, 200);
        var actors = (r.Actors ?? []).Select(a => a.Trim()).Where(a => a.Length > 0).Distinct().ToList();
        if (actors.Count == 0) input.Errors.Add(new("actors", "Ange minst en inblandad aktör, t.ex. Arbetsförmedlingen."));
        if (actors.Any(a => a.Length > 200)) input.Errors.Add(new("actors", "En aktör får vara högst 200 tecken."));
        if (deviation.ReportedOn > queries.Today) input.Errors.Add(new("reportedOn", "Datumet kan inte ligga i framtiden."));
        input.Add(Deviations.CheckFreeText([("description", "Beskrivningen", r.Description), ("recipient", "Mottagaren", r.Recipient),
            ("actors", "Aktörerna", string.Join(" ; ", actors))]));
        if (!input.IsValid) return Result<CollaborationDeviation>.Fail(input.Errors);
        deviation.Actors.AddRange(actors.Select(a => new CollaborationDeviationActor { Actor = a }));
        db.CollaborationDeviations.Add(deviation);
        await db.SaveChangesAsync();
        return Result<CollaborationDeviation>.Ok(deviation);
    }

    public async Task<Result<CollaborationDeviation>?> UpdateAsync(int associationId, int deviationId, DeviationUpdate r)
    {
        var deviation = await db.CollaborationDeviations.SingleOrDefaultAsync(d => d.Id == deviationId && d.AssociationId == associationId);
        if (deviation is null) return null;
        if (Revisions.IsStale(r.Revision, deviation.Revision)) return Result<CollaborationDeviation>.Fail([Revisions.Conflict("avvikelsen")]);
        var input = new Input();
        var status = input.Choice<DeviationStatus>("status", "status", r.Status, Deviations.Swedish);
        var action = input.Optional("actionTaken", "vidtagen åtgärd", r.ActionTaken, 4000);
        input.Add(Deviations.CheckFreeText([("actionTaken", "Åtgärden", action)]));
        if (status == DeviationStatus.Closed && action is null) input.Errors.Add(new("actionTaken", "Beskriv vilken åtgärd som vidtogs innan avvikelsen avslutas."));
        if (!input.IsValid) return Result<CollaborationDeviation>.Fail(input.Errors);
        (deviation.Status, deviation.ActionTaken) = (status, action);
        deviation.ClosedOn = status == DeviationStatus.Closed ? deviation.ClosedOn ?? queries.Today : null;
        deviation.Revision++;
        var errors = await Revisions.SaveAsync(db, "avvikelsen");
        return errors.Count == 0 ? Result<CollaborationDeviation>.Ok(deviation) : Result<CollaborationDeviation>.Fail(errors);
    }

    public static (IReadOnlyList<DeviationCount> PerCategory, IReadOnlyList<DeviationCount> PerActor) Statistics(IEnumerable<CollaborationDeviation> deviations, int? year)
    {
        var facts = deviations.Where(d => year is null || d.ReportedOn.Year == year)
            .Select(d => new DeviationFact(d.Category, d.Actors.Select(a => a.Actor).ToList(), d.ReportedOn.Year)).ToList();
        return (Deviations.PerCategory(facts), Deviations.PerActor(facts));
    }
}

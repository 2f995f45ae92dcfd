using Microsoft.EntityFrameworkCore;
using Samordna.Core.Associations;
using Samordna.Core.Common;
using Samordna.Core.Interventions;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Interventions;

/// <summary>Creates an intervention (as an idea) or changes its descriptive fields; nothing changes on error.</summary>
public sealed class SaveIntervention(SamordnaDb db)
{
    public const string RevisionField = "revision";

    public async Task<Result<Intervention>?> CreateAsync(int associationId, InterventionInput input)
    {
        if (!await db.Associations.AnyAsync(a => a.Id == associationId)) return null;
        var intervention = new Intervention { AssociationId = associationId, Status = InterventionStatus.Idea };
        return await ApplyAsync(intervention, input.Normalised(), new InterventionContext(await MunicipalitiesAsync(associationId)), isNew: true);
    }

    public async Task<Result<Intervention>?> UpdateAsync(int interventionId, InterventionInput input)
    {
        var intervention = await db.Interventions.Include(i => i.Perspectives).SingleOrDefaultAsync(i => i.Id == interventionId);
        if (intervention is null) return null;
        if (input.Revision is { } revision && revision != intervention.Revision) return Conflict();
        var context = new InterventionContext(await MunicipalitiesAsync(intervention.AssociationId), intervention.Status, intervention.Kind, intervention.MeasurementMethod);
        return await ApplyAsync(intervention, input.Normalised(), context, isNew: false);
    }

    /// <summary>The Swedish answer when someone else saved the same intervention first.</summary>
    public static Result<Intervention> Conflict() => Result<Intervention>.Fail(RevisionField,
        "Insatsen har ändrats av någon annan sedan du öppnade den. Ingenting av dina ändringar sparades: ladda om sidan, se vad som ändrats och gör om ändringen.");

    private async Task<Result<Intervention>> ApplyAsync(Intervention intervention, InterventionInput input, InterventionContext context, bool isNew)
    {
        var result = InterventionFieldRules.Check(input, context);
        var errors = result.Errors.ToList();
        var name = input.Name?.Trim() ?? "";
        if (result.IsValid && await db.Interventions.AnyAsync(i => i.AssociationId == intervention.AssociationId && i.Name == name && i.Id != intervention.Id))
            errors.Add(new("name", $"Förbundet har redan en insats som heter \"{name}\". Byter insatsen namn, lägg det gamla under tidigare namn."));
        if (input.PredecessorId is { } predecessor
            && (predecessor == intervention.Id || !await db.Interventions.AnyAsync(i => i.Id == predecessor && i.AssociationId == intervention.AssociationId)))
            errors.Add(new("predecessorId", $"Föregångaren {predecessor} är ingen annan insats i förbundet."));
        if (errors.Count > 0) return Result<Intervention>.Fail(errors);

        var checkedInput = result.Value!;
        intervention.Name = name;
        intervention.Kind = checkedInput.Kind;
        intervention.MeasurementMethod = checkedInput.Method;
        intervention.FormerNames = Lines(input.FormerNames);
        intervention.Orientation = Text(input.Orientation);
        intervention.TargetAgeFrom = input.TargetAgeFrom;
        intervention.TargetAgeTo = input.TargetAgeTo;
        intervention.TargetResidence = Text(input.TargetResidence);
        intervention.TargetCriteria = Text(input.TargetCriteria);
        intervention.OwnerParty = Text(input.OwnerParty);
        intervention.CoOwners = Lines(input.CoOwners);
        intervention.ParticipatingParties = Lines(input.ParticipatingParties);
        intervention.MunicipalityCodes = input.MunicipalityCodes is { Count: > 0 } codes ? string.Join(",", codes.Select(c => c.Trim()).Distinct().Order()) : null;
        intervention.ProjectLead = Text(input.ProjectLead);
        intervention.StartDate = input.StartDate;
        intervention.PlannedEndDate = input.PlannedEndDate;
        intervention.PredecessorId = input.PredecessorId;
        intervention.SuccessorNote = Text(input.SuccessorNote);
        intervention.FundingSources = Lines(input.FundingSources);
        intervention.EvaluationPlan = Text(input.EvaluationPlan);
        intervention.ApplicationSubmittedOn = input.ApplicationSubmittedOn;
        intervention.Perspectives.Clear();
        foreach (var p in (input.Perspectives ?? []).Where(p => !string.IsNullOrWhiteSpace(p.Perspective)))
            intervention.Perspectives.Add(new InterventionPerspective { Perspective = p.Perspective!.Trim(), Text = p.Text!.Trim() });
        intervention.Revision++;
        if (isNew) db.Interventions.Add(intervention);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict();
        }
        return Result<Intervention>.Ok(intervention);
    }

    public async Task<IReadOnlySet<string>> MunicipalitiesAsync(int associationId) =>
        (await db.MemberParties.Where(m => m.AssociationId == associationId && m.Kind == MemberPartyKind.Municipality)
            .Select(m => m.MunicipalityCode!).ToListAsync()).ToHashSet();

    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string? Lines(IEnumerable<string>? values)
    {
        var kept = (values ?? []).Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
        return kept.Count == 0 ? null : string.Join("\n", kept);
    }

    public static IReadOnlyList<string> SplitLines(string? text) => Shared.FormReader.Lines(text);
}

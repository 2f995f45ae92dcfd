using Samordna.Core.Access;
using Samordna.Core.Common;
using Samordna.Core.Interventions;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Api;

namespace Samordna.Web.Features.Interventions;

public sealed record AdministrationRequest(decimal? Budget, decimal? Outcome, int? Revision = null);

/// <summary>/api/v1 for interventions: the portfolio, each intervention, its decisions, budget years, lists, theory of change and plan.</summary>
public static class InterventionsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/associations/{associationId:int}/interventions", async (int associationId, string? kind, string? party, string? municipality, string? status, int? year, InterventionQueries queries) =>
        {
            var (filter, errors) = Filter(kind, party, municipality, status);
            if (errors.Count > 0) return ApiProblems.Validation(errors, "Filtret kunde inte tolkas");
            return Results.Ok(await queries.PortfolioAsync(associationId, filter, year ?? queries.Today.Year));
        }).RequirePermission(Permission.ViewAssociation);

        api.MapGet("/associations/{associationId:int}/interventions/portfolio.xlsx", async (int associationId, string? kind, string? party, string? municipality, string? status, int? year, InterventionQueries queries) =>
        {
            var (filter, errors) = Filter(kind, party, municipality, status);
            if (errors.Count > 0) return ApiProblems.Validation(errors, "Filtret kunde inte tolkas");
            var chosenYear = year ?? queries.Today.Year;
            return Results.File(PortfolioExport.Write(await queries.PortfolioAsync(associationId, filter, chosenYear), chosenYear), PortfolioExport.ContentType, $"insatsportfolj-{chosenYear}.xlsx");
        }).RequirePermission(Permission.ViewAssociation);

        api.MapGet("/associations/{associationId:int}/budget/{year:int}", async (int associationId, int year, InterventionQueries queries) =>
            Results.Ok(await queries.BudgetSummaryAsync(associationId, year)))
            .RequirePermission(Permission.ViewAssociation);

        api.MapPut("/associations/{associationId:int}/budget/{year:int}/administration", async (int associationId, int year, AdministrationRequest request, SetAdministration set, InterventionQueries queries) =>
        {
            var result = await set.HandleAsync(associationId, year, request.Budget, request.Outcome, request.Revision);
            return result.IsValid ? Results.Ok(await queries.BudgetSummaryAsync(associationId, year)) : ApiProblems.ValidationOrConflict(result.Errors, "Kansliets budget kunde inte sparas");
        }).RequirePermission(Permission.ManageAssociation);

        api.MapPost("/associations/{associationId:int}/interventions", async (int associationId, InterventionInput input, SaveIntervention save, InterventionQueries queries) =>
        {
            var result = await save.CreateAsync(associationId, input);
            if (result is null) return ApiProblems.NotFound("Förbundet");
            return result.IsValid
                ? Results.Created($"/api/v1/interventions/{result.Value!.Id}", await DtoAsync(result.Value.Id, queries))
                : ApiProblems.Validation(result.Errors, "Insatsen kunde inte registreras");
        }).RequirePermission(Permission.ManageInterventions);

        api.MapGet("/interventions/{interventionId:int}", async (int interventionId, InterventionQueries queries) =>
            await DtoAsync(interventionId, queries) is { } dto ? Results.Ok(dto) : ApiProblems.NotFound("Insatsen"))
            .RequirePermission(Permission.ViewAssociation);

        api.MapPut("/interventions/{interventionId:int}", async (int interventionId, InterventionInput input, SaveIntervention save, InterventionQueries queries) =>
            await Answer(await save.UpdateAsync(interventionId, input), "Insatsen kunde inte sparas", async _ => await DtoAsync(interventionId, queries)))
            .RequirePermission(Permission.ManageInterventions);

        api.MapGet("/interventions/{interventionId:int}/decisions", async (int interventionId, InterventionQueries queries) =>
            await queries.ViewAsync(interventionId) is { } view
                ? Results.Ok(view.Intervention.Decisions.OrderBy(d => d.DecidedOn).ThenBy(d => d.Id).Select(DecisionDto.Of))
                : ApiProblems.NotFound("Insatsen"))
            .RequirePermission(Permission.ViewAssociation);

        api.MapPost("/interventions/{interventionId:int}/decisions", async (int interventionId, DecisionRequest request, RecordDecision record) =>
            await Answer(await record.HandleAsync(interventionId, request), "Beslutet kunde inte registreras",
                outcome => Task.FromResult<object?>(new { decision = DecisionDto.Of(outcome.Decision), outcome.Warnings })))
            .RequirePermission(Permission.ManageInterventions);

        api.MapGet("/interventions/{interventionId:int}/budget-years", async (int interventionId, InterventionQueries queries) =>
            await queries.ViewAsync(interventionId) is { } view ? Results.Ok(BudgetYearDto.AllOf(view)) : ApiProblems.NotFound("Insatsen"))
            .RequirePermission(Permission.ViewAssociation);

        api.MapPut("/interventions/{interventionId:int}/budget-years/{year:int}", async (int interventionId, int year, BudgetYearRequest request, SaveBudgetYear save, InterventionQueries queries) =>
            await Answer(await save.HandleAsync(interventionId, year, request), "Budgeten kunde inte sparas",
                async _ => (object?)BudgetYearDto.AllOf((await queries.ViewAsync(interventionId))!).Single(y => y.Year == year)))
            .RequirePermission(Permission.ManageInterventions);

        api.MapDelete("/interventions/{interventionId:int}/budget-years/{year:int}", async (int interventionId, int year, int? revision, SaveBudgetYear save) =>
            await save.DeleteAsync(interventionId, year, revision) is { } result
                ? result.IsValid ? Results.NoContent() : ApiProblems.ValidationOrConflict(result.Errors, "Budgetåret kunde inte tas bort")
                : ApiProblems.NotFound($"Budgetåret {year}"))
            .RequirePermission(Permission.ManageInterventions);

        api.MapPut("/interventions/{interventionId:int}/staff", async (int interventionId, List<StaffInput> rows, int? revision, InterventionLists lists) =>
            await Answer(await lists.SetStaffAsync(interventionId, rows, revision), "Bemanningen kunde inte sparas", n => Task.FromResult<object?>(new { saved = n })))
            .RequirePermission(Permission.ManageInterventions);

        api.MapPut("/interventions/{interventionId:int}/goals", async (int interventionId, List<GoalInput> rows, int? revision, InterventionLists lists) =>
            await Answer(await lists.SetGoalsAsync(interventionId, rows, revision), "Målen kunde inte sparas", n => Task.FromResult<object?>(new { saved = n })))
            .RequirePermission(Permission.ManageInterventions);

        api.MapPut("/interventions/{interventionId:int}/findings", async (int interventionId, List<FindingInput> rows, int? revision, InterventionLists lists) =>
            await Answer(await lists.SetFindingsAsync(interventionId, rows, revision), "Utvärderingens iakttagelser kunde inte sparas", n => Task.FromResult<object?>(new { saved = n })))
            .RequirePermission(Permission.ManageInterventions);

        api.MapGet("/interventions/{interventionId:int}/implementation-plan", async (int interventionId, InterventionQueries queries) =>
            await DtoAsync(interventionId, queries) is { } dto
                ? dto.ImplementationPlan is { } plan ? Results.Ok(new { plan, dto.Anchoring, dto.Readiness }) : ApiProblems.NotFound("Implementeringsplanen")
                : ApiProblems.NotFound("Insatsen"))
            .RequirePermission(Permission.ViewAssociation);

        api.MapPut("/interventions/{interventionId:int}/implementation-plan", async (int interventionId, PlanInput input, InterventionLists lists) =>
            await Answer(await lists.SetPlanAsync(interventionId, input), "Implementeringsplanen kunde inte sparas", p => Task.FromResult<object?>(new { p.Status, p.UpdatedAt, p.Revision })))
            .RequirePermission(Permission.ManageInterventions);

        api.MapPost("/interventions/{interventionId:int}/anchoring", async (int interventionId, AnchoringInput input, InterventionLists lists) =>
            await Answer(await lists.AddAnchoringAsync(interventionId, input), "Förankringen kunde inte registreras", a => Task.FromResult<object?>(new { a.Id })))
            .RequirePermission(Permission.ManageInterventions);

        api.MapGet("/interventions/{interventionId:int}/theory-of-change", async (int interventionId, int? version, TheoryOfChangeStore store) =>
            await store.LatestAsync(interventionId, version) is { } saved ? Results.Ok(saved) : ApiProblems.NotFound("Förändringsteorin"))
            .RequirePermission(Permission.ViewAssociation);

        api.MapGet("/interventions/{interventionId:int}/theory-of-change/versions", async (int interventionId, TheoryOfChangeStore store) =>
            Results.Ok((await store.VersionsAsync(interventionId)).Select(v => new { v.Version, v.CreatedAt, v.CreatedBy })))
            .RequirePermission(Permission.ViewAssociation);

        api.MapPost("/interventions/{interventionId:int}/theory-of-change", async (int interventionId, TheoryOfChange toc, TheoryOfChangeStore store) =>
            await Answer(await store.SaveAsync(interventionId, toc), "Förändringsteorin kunde inte sparas", s => Task.FromResult<object?>(s)))
            .RequirePermission(Permission.ManageInterventions);
    }

    private static async Task<InterventionDto?> DtoAsync(int interventionId, InterventionQueries queries) =>
        await queries.ViewAsync(interventionId) is { } view ? InterventionDto.From(view, queries.Today) : null;

    /// <summary>Not found, a conflict (someone saved first), field errors, or the saved value.</summary>
    private static async Task<IResult> Answer<T>(Result<T>? result, string title, Func<T, Task<object?>> body)
    {
        if (result is null) return ApiProblems.NotFound("Insatsen");
        return result.IsValid ? Results.Ok(await body(result.Value!)) : ApiProblems.ValidationOrConflict(result.Errors, title);
    }

    public static (PortfolioFilter Filter, List<FieldError> Errors) Filter(string? kind, string? party, string? municipality, string? status)
    {
        var errors = new List<FieldError>();
        InterventionKind? parsedKind = null;
        InterventionStatus? parsedStatus = null;
        if (!string.IsNullOrWhiteSpace(kind) && (parsedKind = InterventionNames.Parse<InterventionKind>(kind, InterventionNames.Swedish)) is null)
            errors.Add(new("kind", "Typ ska vara IndividualFocused eller Structural."));
        if (!string.IsNullOrWhiteSpace(status) && (parsedStatus = InterventionStatusNames.Parse(status)) is null)
            errors.Add(new("status", $"Okänd status. Möjliga: {string.Join(", ", Enum.GetNames<InterventionStatus>())}."));
        return (new PortfolioFilter(parsedKind, SaveIntervention.Text(party), SaveIntervention.Text(municipality), parsedStatus), errors);
    }
}

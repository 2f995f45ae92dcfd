using Samordna.Core.Access;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Api;

namespace Samordna.Web.Features.Participants;

/// <summary>
/// /api/v1 for the association's participant settings: follow-up days and windows (for the association, or one
/// intervention overriding it) and the association's own questions. Everyone in the association reads them (the
/// registrar's forms need them); those who manage interventions change them, sending the revision they read.
/// </summary>
public static class ParticipantSettingsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/associations/{associationId:int}/follow-up-settings", async (int associationId, FollowUpSettings settings) =>
            await settings.ForAssociationAsync(associationId) is { } found ? Results.Ok(found) : ApiProblems.NotFound("Förbundet"))
            .RequirePermission(Permission.ViewAssociation);

        api.MapPut("/associations/{associationId:int}/follow-up-settings", async (int associationId, FollowUpRequest request, FollowUpSettings settings) =>
            ParticipantsApi.Answer(await settings.SaveAsync(associationId, null, request), "Uppföljningarna kunde inte sparas", s => s))
            .RequirePermission(Permission.ManageInterventions);

        api.MapGet("/interventions/{interventionId:int}/follow-up-settings", async (int interventionId, FollowUpSettings settings) =>
            await settings.InForceAsync(interventionId) is { } found ? Results.Ok(found) : ApiProblems.NotFound("Insatsen"))
            .RequirePermission(Permission.ViewAssociation);

        api.MapPut("/interventions/{interventionId:int}/follow-up-settings", async (int interventionId, FollowUpRequest request, FollowUpSettings settings) =>
            await settings.InForceAsync(interventionId) is not { } found ? ApiProblems.NotFound("Insatsen")
                : ParticipantsApi.Answer(await settings.SaveAsync(found.AssociationId, interventionId, request), "Uppföljningarna kunde inte sparas", s => s))
            .RequirePermission(Permission.ManageInterventions);

        api.MapDelete("/interventions/{interventionId:int}/follow-up-settings", async (int interventionId, FollowUpSettings settings) =>
            await settings.ResetAsync(interventionId) ? Results.NoContent() : ApiProblems.NotFound("Insatsens egna uppföljningar"))
            .RequirePermission(Permission.ManageInterventions);

        api.MapGet("/associations/{associationId:int}/extra-questions", async (int associationId, ExtraQuestionDefinitions questions) =>
            Results.Ok(await questions.ListAsync(associationId)))
            .RequirePermission(Permission.ViewAssociation);

        api.MapPost("/associations/{associationId:int}/extra-questions", async (int associationId, ExtraQuestionRequest request, ExtraQuestionDefinitions questions) =>
            ParticipantsApi.Answer(await questions.CreateAsync(associationId, request), "Frågan kunde inte sparas", q => q, created: true))
            .RequirePermission(Permission.ManageInterventions);

        api.MapPut("/associations/{associationId:int}/extra-questions/{questionId:int}",
            async (int associationId, int questionId, ExtraQuestionRequest request, ExtraQuestionDefinitions questions) =>
            ParticipantsApi.Answer(await questions.UpdateAsync(associationId, questionId, request), "Frågan kunde inte sparas", q => q))
            .RequirePermission(Permission.ManageInterventions);
    }
}

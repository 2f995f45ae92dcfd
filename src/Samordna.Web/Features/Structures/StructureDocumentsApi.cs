using Samordna.Core.Access;
using Samordna.Core.Structures;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Api;

namespace Samordna.Web.Features.Structures;

/// <summary>Documents and events under /api/v1/associations/{associationId}/…</summary>
public static class StructureDocumentsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var a = api.MapGroup("/associations/{associationId:int}");

        a.MapGet("/documents", async (int associationId, StructureDocuments documents) =>
            Results.Ok((await documents.ListAsync(associationId, publicOnly: false)).Select(Document)))
            .RequirePermission(Permission.ViewAssociation);

        // multipart/form-data: the description's fields and either a file in "file" or the text in "text".
        a.MapPost("/documents", async (int associationId, IFormCollection form, StructureDocuments documents) =>
            StructuresApi.Answer(await documents.CreateAsync(associationId, DocumentForm.Request(form), await DocumentForm.ContentAsync(form)), "Förbundet", "Dokumentet kunde inte sparas",
                d => Results.Created($"/api/v1/associations/{associationId}/documents/{d.Id}", new { id = d.Id, version = 1, revision = d.Revision })))
            .RequirePermission(Permission.ManageStructures).DisableAntiforgery();

        a.MapGet("/documents/{documentId:int}", async (int associationId, int documentId, StructureDocuments documents) =>
            await documents.FindAsync(associationId, documentId) is { } view ? Results.Ok(Document(view)) : ApiProblems.NotFound("Dokumentet"))
            .RequirePermission(Permission.ViewAssociation);

        a.MapPut("/documents/{documentId:int}", async (int associationId, int documentId, DocumentRequest request, StructureDocuments documents) =>
            StructuresApi.Answer(await documents.UpdateAsync(associationId, documentId, request), "Dokumentet", "Dokumentet kunde inte ändras",
                d => Results.Ok(new { id = d.Id, revision = d.Revision })))
            .RequirePermission(Permission.ManageStructures);

        a.MapPost("/documents/{documentId:int}/versions", async (int associationId, int documentId, IFormCollection form, StructureDocuments documents) =>
            StructuresApi.Answer(await documents.AddVersionAsync(associationId, documentId, await DocumentForm.ContentAsync(form), DocumentForm.Revision(form)), "Dokumentet", "Versionen kunde inte sparas",
                v => Results.Created($"/api/v1/associations/{associationId}/documents/{documentId}/versions/{v.Version}", new { version = v.Version })))
            .RequirePermission(Permission.ManageStructures).DisableAntiforgery();

        a.MapGet("/documents/{documentId:int}/versions/{version:int}", async (int associationId, int documentId, int version, StructureDocuments documents) =>
            await documents.ContentAsync(associationId, documentId, version, publicOnly: false) is { } v
                ? Results.File(v.Content, v.ContentType, v.FileName)
                : ApiProblems.NotFound("Versionen av dokumentet"))
            .RequirePermission(Permission.ViewAssociation);

        a.MapGet("/events", async (int associationId, CollaborationEvents events) =>
            Results.Ok((await events.ListAsync(associationId)).Select(Event)))
            .RequirePermission(Permission.ViewAssociation);

        a.MapPost("/events", async (int associationId, EventRequest request, CollaborationEvents events) =>
            StructuresApi.Answer(await events.CreateAsync(associationId, request), "Förbundet", "Träffen kunde inte sparas",
                e => Results.Created($"/api/v1/associations/{associationId}/events/{e.Id}", new { id = e.Id, followUpOn = e.FollowUpOn, revision = e.Revision })))
            .RequirePermission(Permission.ManageStructures);

        a.MapGet("/events/{eventId:int}", async (int associationId, int eventId, CollaborationEvents events) =>
            await events.FindAsync(associationId, eventId) is { } view ? Results.Ok(Event(view)) : ApiProblems.NotFound("Träffen"))
            .RequirePermission(Permission.ViewAssociation);

        a.MapPut("/events/{eventId:int}", async (int associationId, int eventId, EventRequest request, CollaborationEvents events) =>
            StructuresApi.Answer(await events.UpdateAsync(associationId, eventId, request), "Träffen", "Träffen kunde inte ändras",
                e => Results.Ok(new { id = e.Id, followUpOn = e.FollowUpOn, revision = e.Revision })))
            .RequirePermission(Permission.ManageStructures);

        a.MapPost("/events/{eventId:int}/follow-up", async (int associationId, int eventId, FollowUpRequest request, CollaborationEvents events) =>
            StructuresApi.Answer(await events.FollowUpAsync(associationId, eventId, request), "Träffen", "Uppföljningen kunde inte sparas",
                e => Results.Ok(new { id = e.Id, followUpDoneOn = e.FollowUpDoneOn, revision = e.Revision })))
            .RequirePermission(Permission.ManageStructures);
    }

    private static object Document(DocumentView v) => new
    {
        v.Document.Id, kind = v.Document.Kind, v.Document.Title, v.Document.Description, v.Document.Owner, v.Document.ReviewOn, v.Document.IsPublic, v.Document.Revision,
        review = v.Review, reviewText = v.ReviewText,
        versions = v.Document.Versions.Select(x => new { x.Version, x.FileName, x.ContentType, x.Size, x.Note, createdAt = DateTime.SpecifyKind(x.CreatedAt, DateTimeKind.Utc), x.CreatedBy }),
    };

    private static object Event(EventView v) => new
    {
        v.Event.Id, kind = v.Event.Kind, v.Event.Title, v.Event.HeldOn, v.Event.Place, v.Event.Organiser, v.Event.Description, v.Event.SurveyRoundId, surveyRound = v.SurveyRoundName,
        v.Event.FollowUpOn, v.Event.FollowUpDoneOn, v.Event.FollowUpNote, followUp = v.FollowUp, followUpText = v.FollowUpText, v.Event.Revision,
        participants = v.Event.Participants.Select(p => new { p.Party, p.Count }), total = v.TotalParticipants,
    };
}

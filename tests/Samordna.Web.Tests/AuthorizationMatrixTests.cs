using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Associations;
using Samordna.Web.Tests.Infrastructure;

namespace Samordna.Web.Tests;

/// <summary>
/// Every page and API endpoint, every role, own and other association. The table below is the decision
/// for each endpoint; an endpoint the table does not know fails the first test, so nothing new ships
/// without someone deciding who may use it.
/// </summary>
public sealed class AuthorizationMatrixTests : IAsyncLifetime
{
    private const string Anonymous = "anonym", SignedIn = "inloggad";

    private static readonly Dictionary<string, string> Decisions = new()
    {
        ["PAGE /"] = Anonymous,
        ["PAGE /Error/{code:int?}"] = Anonymous,
        ["PAGE /Language"] = Anonymous,
        ["PAGE /Setup"] = Anonymous,
        ["PAGE /Account/Login"] = Anonymous,
        ["PAGE /Account/LoginWith2fa"] = Anonymous,
        ["PAGE /Account/Logout"] = Anonymous,
        ["PAGE /Account/AccessDenied"] = Anonymous,
        ["PAGE /Account/Me"] = SignedIn,
        ["PAGE /Account/TwoFactor"] = SignedIn,
        ["PAGE /Reports"] = SignedIn,
        ["PAGE /Associations"] = SignedIn,
        ["PAGE /Associations/Create"] = nameof(Permission.AdministerInstallation),
        ["PAGE /Associations/{associationId:int}"] = nameof(Permission.ViewAssociation),
        ["PAGE /Associations/{associationId:int}/Funding/{year:int}"] = nameof(Permission.ViewAssociation),
        ["PAGE /Associations/{associationId:int}/Funding/{year:int}/Edit"] = nameof(Permission.ManageAssociation),
        ["PAGE /Associations/{associationId:int}/Roles"] = nameof(Permission.ManageRoles),
        ["PAGE /Associations/{associationId:int}/Audit"] = nameof(Permission.ReadAudit),
        ["PAGE /Admin"] = nameof(Permission.AdministerInstallation),
        ["PAGE /Measurement"] = SignedIn,
        ["PAGE /s/{token}"] = Anonymous,
        ["PAGE /Surveys/{roundId:int}/Distribution"] = nameof(Permission.ManageMeasurement),
        ["POST /api/v1/survey-rounds/{roundId:int}/register:import"] = nameof(Permission.ManageMeasurement),
        ["POST /api/v1/survey-rounds/{roundId:int}/links"] = nameof(Permission.ManageMeasurement),
        ["POST /api/v1/survey-rounds/{roundId:int}/invitations:send"] = nameof(Permission.ManageMeasurement),
        ["PUT /api/v1/survey-rounds/{roundId:int}/periods/{kind}"] = nameof(Permission.ManageMeasurement),
        ["GET /api/v1/survey-rounds/{roundId:int}/periods"] = nameof(Permission.ManageMeasurement),
        ["GET /api/v1/survey-rounds/{roundId:int}/response-rates"] = nameof(Permission.ManageMeasurement),
        ["PUT /api/v1/associations/{associationId:int}/unit-groupings/{attribute}"] = nameof(Permission.ManageMeasurement),
        ["PAGE /Associations/{associationId:int}/Surveys"] = nameof(Permission.ViewAssociation),
        ["PAGE /Associations/{associationId:int}/Surveys/New"] = nameof(Permission.ManageMeasurement),
        ["PAGE /Surveys/{roundId:int}/Import"] = nameof(Permission.ManageMeasurement),
        ["PAGE /Surveys/{roundId:int}/Results"] = nameof(Permission.ViewAssociation),
        ["PAGE /Surveys/{roundId:int}/Comparison"] = nameof(Permission.ViewAssociation),
        ["PAGE /Admin/Audit"] = nameof(Permission.AdministerInstallation),
        ["GET /health"] = Anonymous,
        ["GET /openapi/{documentName}.json"] = Anonymous,
        ["GET /api/v1/me"] = SignedIn,
        ["GET /api/v1/me/tokens"] = SignedIn,
        ["DELETE /api/v1/me/tokens/{tokenId:int}"] = SignedIn,
        ["GET /api/v1/reference/municipalities"] = SignedIn,
        ["GET /api/v1/reference/counties"] = SignedIn,
        ["GET /api/v1/associations"] = SignedIn,
        ["POST /api/v1/associations"] = nameof(Permission.AdministerInstallation),
        ["GET /api/v1/associations/{associationId:int}"] = nameof(Permission.ViewAssociation),
        ["GET /api/v1/associations/{associationId:int}/funding/{year:int}"] = nameof(Permission.ViewAssociation),
        ["PUT /api/v1/associations/{associationId:int}/funding/{year:int}"] = nameof(Permission.ManageAssociation),
        ["POST /api/v1/users"] = nameof(Permission.AdministerInstallation),
        ["GET /api/v1/associations/{associationId:int}/roles"] = nameof(Permission.ManageRoles),
        ["POST /api/v1/associations/{associationId:int}/roles"] = nameof(Permission.ManageRoles),
        ["DELETE /api/v1/associations/{associationId:int}/roles/{assignmentId:int}"] = nameof(Permission.ManageRoles),
        ["GET /api/v1/audit"] = nameof(Permission.AdministerInstallation),
        ["GET /api/v1/associations/{associationId:int}/audit"] = nameof(Permission.ReadAudit),
        ["GET /api/v1/instruments"] = SignedIn,
        ["GET /api/v1/instruments/{code}"] = SignedIn,
        ["POST /api/v1/instruments"] = nameof(Permission.AdministerInstallation),
        ["GET /api/v1/associations/{associationId:int}/survey-rounds"] = nameof(Permission.ViewAssociation),
        ["POST /api/v1/associations/{associationId:int}/survey-rounds"] = nameof(Permission.ManageMeasurement),
        ["POST /api/v1/survey-rounds/{roundId:int}/answers:import"] = nameof(Permission.ManageMeasurement),
        ["GET /api/v1/survey-rounds/{roundId:int}/results"] = nameof(Permission.ViewAssociation),
        ["GET /api/v1/survey-rounds/{roundId:int}/comparison"] = nameof(Permission.ViewAssociation),
        ["GET /api/v1/associations/{associationId:int}/interventions"] = nameof(Permission.ViewAssociation),
        ["GET /api/v1/associations/{associationId:int}/budget/{year:int}"] = nameof(Permission.ViewAssociation),
        ["PUT /api/v1/associations/{associationId:int}/budget/{year:int}/administration"] = nameof(Permission.ManageAssociation),
        ["GET /api/v1/associations/{associationId:int}/interventions/portfolio.xlsx"] = nameof(Permission.ViewAssociation),
        ["POST /api/v1/associations/{associationId:int}/interventions"] = nameof(Permission.ManageInterventions),
        ["GET /api/v1/interventions/{interventionId:int}"] = nameof(Permission.ViewAssociation),
        ["PUT /api/v1/interventions/{interventionId:int}"] = nameof(Permission.ManageInterventions),
        ["GET /api/v1/interventions/{interventionId:int}/decisions"] = nameof(Permission.ViewAssociation),
        ["POST /api/v1/interventions/{interventionId:int}/decisions"] = nameof(Permission.ManageInterventions),
        ["GET /api/v1/interventions/{interventionId:int}/budget-years"] = nameof(Permission.ViewAssociation),
        ["PUT /api/v1/interventions/{interventionId:int}/budget-years/{year:int}"] = nameof(Permission.ManageInterventions),
        ["DELETE /api/v1/interventions/{interventionId:int}/budget-years/{year:int}"] = nameof(Permission.ManageInterventions),
        ["PUT /api/v1/interventions/{interventionId:int}/staff"] = nameof(Permission.ManageInterventions),
        ["PUT /api/v1/interventions/{interventionId:int}/goals"] = nameof(Permission.ManageInterventions),
        ["PUT /api/v1/interventions/{interventionId:int}/findings"] = nameof(Permission.ManageInterventions),
        ["GET /api/v1/interventions/{interventionId:int}/implementation-plan"] = nameof(Permission.ViewAssociation),
        ["PUT /api/v1/interventions/{interventionId:int}/implementation-plan"] = nameof(Permission.ManageInterventions),
        ["POST /api/v1/interventions/{interventionId:int}/anchoring"] = nameof(Permission.ManageInterventions),
        ["GET /api/v1/interventions/{interventionId:int}/theory-of-change"] = nameof(Permission.ViewAssociation),
        ["GET /api/v1/interventions/{interventionId:int}/theory-of-change/versions"] = nameof(Permission.ViewAssociation),
        ["POST /api/v1/interventions/{interventionId:int}/theory-of-change"] = nameof(Permission.ManageInterventions),
        ["PAGE /Interventions"] = SignedIn,
        ["GET /api/v1/interventions/{interventionId:int}/socio-economic"] = nameof(Permission.ViewAssociation),
        ["GET /api/v1/associations/{associationId:int}/funding/{year:int}/per-inhabitant"] = nameof(Permission.ViewAssociation),
        ["POST /api/v1/reference/population"] = nameof(Permission.AdministerInstallation),
        ["PAGE /Interventions/{interventionId:int}/SocioEconomic"] = nameof(Permission.ViewAssociation),
        ["PAGE /Associations/{associationId:int}/Funding/{year:int}/PerInhabitant"] = nameof(Permission.ViewAssociation),
        ["PAGE /Admin/Population"] = nameof(Permission.AdministerInstallation),
        ["PAGE /Associations/{associationId:int}/AnnualReport/{year:int}"] = nameof(Permission.ViewAssociation),
        ["GET /api/v1/associations/{associationId:int}/annual-report/{year:int}"] = nameof(Permission.ViewAssociation),
        ["PAGE /Associations/{associationId:int}/BoardPack"] = nameof(Permission.ViewAssociation),
        ["GET /api/v1/associations/{associationId:int}/board-pack"] = nameof(Permission.ViewAssociation),
        ["PAGE /Associations/{associationId:int}/Comparisons/Interventions"] = nameof(Permission.ViewAssociation),
        ["GET /api/v1/associations/{associationId:int}/intervention-comparison"] = nameof(Permission.ViewAssociation),
        ["PAGE /Associations/{associationId:int}/ComparisonConsent"] = nameof(Permission.ManageAssociation),
        ["PUT /api/v1/associations/{associationId:int}/comparison-opt-in"] = nameof(Permission.ManageAssociation),
        ["PAGE /Comparisons/Associations"] = nameof(Permission.ViewComparisons),
        ["GET /api/v1/association-comparison"] = nameof(Permission.ViewComparisons),
        ["GET /api/v1/association-comparison/measurement"] = nameof(Permission.ViewComparisons),
        ["PAGE /Associations/{associationId:int}/Interventions"] = nameof(Permission.ViewAssociation),
        ["PAGE /Associations/{associationId:int}/Interventions/New"] = nameof(Permission.ManageInterventions),
        ["PAGE /Interventions/{interventionId:int}"] = nameof(Permission.ViewAssociation),
        ["PAGE /Interventions/{interventionId:int}/Edit"] = nameof(Permission.ManageInterventions),
        ["PAGE /Interventions/{interventionId:int}/Decision"] = nameof(Permission.ManageInterventions),
        ["PAGE /Interventions/{interventionId:int}/Budget/{year:int}"] = nameof(Permission.ManageInterventions),
        ["PAGE /Interventions/{interventionId:int}/Goals"] = nameof(Permission.ManageInterventions),
        ["PAGE /Interventions/{interventionId:int}/Staffing"] = nameof(Permission.ManageInterventions),
        ["PAGE /Interventions/{interventionId:int}/TheoryOfChange"] = nameof(Permission.ViewAssociation),
        ["PAGE /Interventions/{interventionId:int}/TheoryOfChange/Edit"] = nameof(Permission.ManageInterventions),
        ["PAGE /Interventions/{interventionId:int}/Plan"] = nameof(Permission.ManageInterventions),
        ["PAGE /Interventions/{interventionId:int}/Evaluation"] = nameof(Permission.ManageInterventions),
        ["PAGE /Associations/{associationId:int}/Budget/{year:int}/Administration"] = nameof(Permission.ManageAssociation),
        ["PAGE /Structures"] = SignedIn,
        ["PAGE /Associations/{associationId:int}/Structures"] = nameof(Permission.ViewAssociation),
        ["PAGE /Associations/{associationId:int}/Structures/Manage"] = nameof(Permission.ManageStructures),
        ["PAGE /Associations/{associationId:int}/Structures/Groups/{groupId:int}"] = nameof(Permission.ViewAssociation),
        ["PAGE /Associations/{associationId:int}/Structures/Groups/{groupId:int}/Edit"] = nameof(Permission.ManageStructures),
        ["PAGE /Associations/{associationId:int}/Structures/Meetings/{meetingId:int}"] = nameof(Permission.ViewAssociation),
        ["PAGE /Associations/{associationId:int}/Structures/Meetings/{meetingId:int}/Edit"] = nameof(Permission.ManageStructures),
        ["PAGE /Associations/{associationId:int}/Structures/Plans/{planId:int}"] = nameof(Permission.ViewAssociation),
        ["PAGE /Associations/{associationId:int}/Structures/Plans/{planId:int}/Edit"] = nameof(Permission.ManageStructures),
        ["PAGE /Associations/{associationId:int}/Structures/Coordinators"] = nameof(Permission.ManageStructures),
        ["PAGE /Associations/{associationId:int}/Directory"] = nameof(Permission.ViewAssociation),
        ["PAGE /Associations/{associationId:int}/Directory/Edit"] = nameof(Permission.ManageStructures),
        ["PAGE /vagen-in/{associationId:int}"] = Anonymous,
        ["PAGE /Associations/{associationId:int}/Deviations"] = nameof(Permission.ManageStructures),
        ["PAGE /Associations/{associationId:int}/Deviations/New"] = nameof(Permission.ViewAssociation),
        ["GET /api/v1/associations/{associationId:int}/groups"] = nameof(Permission.ViewAssociation),
        ["POST /api/v1/associations/{associationId:int}/groups"] = nameof(Permission.ManageStructures),
        ["GET /api/v1/associations/{associationId:int}/groups/{groupId:int}"] = nameof(Permission.ViewAssociation),
        ["PUT /api/v1/associations/{associationId:int}/groups/{groupId:int}"] = nameof(Permission.ManageStructures),
        ["GET /api/v1/associations/{associationId:int}/groups/{groupId:int}/members"] = nameof(Permission.ViewAssociation),
        ["POST /api/v1/associations/{associationId:int}/groups/{groupId:int}/members"] = nameof(Permission.ManageStructures),
        ["POST /api/v1/associations/{associationId:int}/groups/{groupId:int}/members/{memberId:int}/end"] = nameof(Permission.ManageStructures),
        ["GET /api/v1/associations/{associationId:int}/groups/{groupId:int}/meetings"] = nameof(Permission.ViewAssociation),
        ["POST /api/v1/associations/{associationId:int}/groups/{groupId:int}/meetings"] = nameof(Permission.ManageStructures),
        ["GET /api/v1/associations/{associationId:int}/meetings/{meetingId:int}"] = nameof(Permission.ViewAssociation),
        ["PUT /api/v1/associations/{associationId:int}/meetings/{meetingId:int}/attendance"] = nameof(Permission.ManageStructures),
        ["POST /api/v1/associations/{associationId:int}/meetings/{meetingId:int}/cancel"] = nameof(Permission.ManageStructures),
        ["GET /api/v1/associations/{associationId:int}/directory"] = nameof(Permission.ViewAssociation),
        ["POST /api/v1/associations/{associationId:int}/directory"] = nameof(Permission.ManageStructures),
        ["POST /api/v1/associations/{associationId:int}/directory/{entryId:int}/holders"] = nameof(Permission.ManageStructures),
        ["PAGE /Associations/{associationId:int}/Structures/Documents"] = nameof(Permission.ViewAssociation),
        ["PAGE /Associations/{associationId:int}/Structures/Documents/{documentId:int}"] = nameof(Permission.ViewAssociation),
        ["PAGE /Associations/{associationId:int}/Structures/Documents/New"] = nameof(Permission.ManageStructures),
        ["PAGE /Associations/{associationId:int}/Structures/Documents/{documentId:int}/Edit"] = nameof(Permission.ManageStructures),
        ["PAGE /Associations/{associationId:int}/Structures/Events"] = nameof(Permission.ViewAssociation),
        ["PAGE /Associations/{associationId:int}/Structures/Events/New"] = nameof(Permission.ManageStructures),
        ["PAGE /Associations/{associationId:int}/Structures/Events/{eventId:int}/Edit"] = nameof(Permission.ManageStructures),
        ["GET /api/v1/associations/{associationId:int}/documents"] = nameof(Permission.ViewAssociation),
        ["POST /api/v1/associations/{associationId:int}/documents"] = nameof(Permission.ManageStructures),
        ["GET /api/v1/associations/{associationId:int}/documents/{documentId:int}"] = nameof(Permission.ViewAssociation),
        ["PUT /api/v1/associations/{associationId:int}/documents/{documentId:int}"] = nameof(Permission.ManageStructures),
        ["POST /api/v1/associations/{associationId:int}/documents/{documentId:int}/versions"] = nameof(Permission.ManageStructures),
        ["GET /api/v1/associations/{associationId:int}/documents/{documentId:int}/versions/{version:int}"] = nameof(Permission.ViewAssociation),
        ["GET /api/v1/associations/{associationId:int}/events"] = nameof(Permission.ViewAssociation),
        ["POST /api/v1/associations/{associationId:int}/events"] = nameof(Permission.ManageStructures),
        ["GET /api/v1/associations/{associationId:int}/events/{eventId:int}"] = nameof(Permission.ViewAssociation),
        ["PUT /api/v1/associations/{associationId:int}/events/{eventId:int}"] = nameof(Permission.ManageStructures),
        ["POST /api/v1/associations/{associationId:int}/events/{eventId:int}/follow-up"] = nameof(Permission.ManageStructures),
        ["PUT /api/v1/associations/{associationId:int}/meetings/{meetingId:int}/minutes"] = nameof(Permission.ManageStructures),
        ["GET /api/v1/associations/{associationId:int}/agreements"] = nameof(Permission.ViewAssociation),
        ["POST /api/v1/associations/{associationId:int}/agreements"] = nameof(Permission.ManageStructures),
        ["POST /api/v1/associations/{associationId:int}/agreements/{agreementId:int}/versions"] = nameof(Permission.ManageStructures),
        ["GET /api/v1/associations/{associationId:int}/action-plans"] = nameof(Permission.ViewAssociation),
        ["POST /api/v1/associations/{associationId:int}/action-plans"] = nameof(Permission.ManageStructures),
        ["GET /api/v1/associations/{associationId:int}/action-plans/{planId:int}"] = nameof(Permission.ViewAssociation),
        ["POST /api/v1/associations/{associationId:int}/action-plans/{planId:int}/activities"] = nameof(Permission.ManageStructures),
        ["PUT /api/v1/associations/{associationId:int}/action-plans/{planId:int}/reports/{period}"] = nameof(Permission.ManageStructures),
        ["GET /api/v1/associations/{associationId:int}/coordinators"] = nameof(Permission.ManageStructures),
        ["POST /api/v1/associations/{associationId:int}/coordinators/assignments"] = nameof(Permission.ManageStructures),
        ["PUT /api/v1/associations/{associationId:int}/coordinators/assignments/{assignmentId:int}"] = nameof(Permission.ManageStructures),
        ["PUT /api/v1/associations/{associationId:int}/coordinators/funding"] = nameof(Permission.ManageStructures),
        ["POST /api/v1/associations/{associationId:int}/deviations"] = nameof(Permission.ViewAssociation),
        ["GET /api/v1/associations/{associationId:int}/deviations"] = nameof(Permission.ManageStructures),
        ["PUT /api/v1/associations/{associationId:int}/deviations/{deviationId:int}"] = nameof(Permission.ManageStructures),
        ["POST /api/v1/interventions/{interventionId:int}/episodes"] = nameof(Permission.RegisterParticipants),
        ["GET /api/v1/interventions/{interventionId:int}/episodes"] = nameof(Permission.RegisterParticipants),
        ["GET /api/v1/interventions/{interventionId:int}/episodes/{episodeId:int}"] = nameof(Permission.RegisterParticipants),
        ["POST /api/v1/interventions/{interventionId:int}/episodes/{episodeId:int}/exit"] = nameof(Permission.RegisterParticipants),
        ["POST /api/v1/interventions/{interventionId:int}/episodes/{episodeId:int}/consent:withdraw"] = nameof(Permission.RegisterParticipants),
        ["POST /api/v1/interventions/{interventionId:int}/episodes/{episodeId:int}/measurements"] = nameof(Permission.RegisterParticipants),
        ["POST /api/v1/interventions/{interventionId:int}/episodes/{episodeId:int}/measurements/{measurementId:int}/corrections"] = nameof(Permission.RegisterParticipants),
        ["GET /api/v1/interventions/{interventionId:int}/follow-ups"] = nameof(Permission.RegisterParticipants),
        ["POST /api/v1/interventions/{interventionId:int}/episodes:import"] = nameof(Permission.RegisterParticipants),
        ["GET /api/v1/associations/{associationId:int}/participants/{participantId:int}/extract"] = nameof(Permission.RegisterParticipants),
        ["PUT /api/v1/associations/{associationId:int}/participants/{participantId:int}/restriction"] = nameof(Permission.RegisterParticipants),
        ["DELETE /api/v1/associations/{associationId:int}/participants/{participantId:int}"] = nameof(Permission.RegisterParticipants),
        ["GET /api/v1/interventions/{interventionId:int}/registrars"] = nameof(Permission.ManageRoles),
        ["POST /api/v1/interventions/{interventionId:int}/registrars"] = nameof(Permission.ManageRoles),
        ["DELETE /api/v1/interventions/{interventionId:int}/registrars/{registrarId:int}"] = nameof(Permission.ManageRoles),
        ["GET /api/v1/interventions/{interventionId:int}/monthly-counts/{year:int}"] = nameof(Permission.ViewAssociation),
        ["PUT /api/v1/interventions/{interventionId:int}/monthly-counts/{year:int}"] = nameof(Permission.ManageInterventions),
        ["GET /api/v1/associations/{associationId:int}/participant-report"] = nameof(Permission.ViewAssociation),
        ["GET /api/v1/associations/{associationId:int}/national-export/{year:int}"] = nameof(Permission.ViewAssociation),
        ["GET /api/v1/associations/{associationId:int}/follow-up-settings"] = nameof(Permission.ViewAssociation),
        ["PUT /api/v1/associations/{associationId:int}/follow-up-settings"] = nameof(Permission.ManageInterventions),
        ["GET /api/v1/interventions/{interventionId:int}/follow-up-settings"] = nameof(Permission.ViewAssociation),
        ["PUT /api/v1/interventions/{interventionId:int}/follow-up-settings"] = nameof(Permission.ManageInterventions),
        ["DELETE /api/v1/interventions/{interventionId:int}/follow-up-settings"] = nameof(Permission.ManageInterventions),
        ["GET /api/v1/associations/{associationId:int}/extra-questions"] = nameof(Permission.ViewAssociation),
        ["POST /api/v1/associations/{associationId:int}/extra-questions"] = nameof(Permission.ManageInterventions),
        ["PUT /api/v1/associations/{associationId:int}/extra-questions/{questionId:int}"] = nameof(Permission.ManageInterventions),
        ["PAGE /Participants"] = SignedIn,
        ["PAGE /Interventions/{interventionId:int}/Participants"] = nameof(Permission.RegisterParticipants),
        ["PAGE /Interventions/{interventionId:int}/Participants/Enrol"] = nameof(Permission.RegisterParticipants),
        ["PAGE /Interventions/{interventionId:int}/Participants/Import"] = nameof(Permission.RegisterParticipants),
        ["PAGE /Interventions/{interventionId:int}/Episodes/{episodeId:int}"] = nameof(Permission.RegisterParticipants),
        ["PAGE /Associations/{associationId:int}/Participants/{participantId:int}"] = nameof(Permission.RegisterParticipants),
        ["PAGE /Interventions/{interventionId:int}/Registrars"] = nameof(Permission.ManageRoles),
        ["PAGE /Interventions/{interventionId:int}/MonthlyCounts/{year:int}"] = nameof(Permission.ManageInterventions),
        ["PAGE /Associations/{associationId:int}/ParticipantReport"] = nameof(Permission.ViewAssociation),
        ["PAGE /Associations/{associationId:int}/ParticipantSettings"] = nameof(Permission.ManageInterventions),
        ["PAGE /Interventions/{interventionId:int}/FollowUpSettings"] = nameof(Permission.ManageInterventions),
    };

    /// <summary>Who may do what in their own association, written out here independently of AccessRules.</summary>
    private static readonly Dictionary<string, Role[]> AllowedInOwnAssociation = new()
    {
        [nameof(Permission.AdministerInstallation)] = [],
        [nameof(Permission.ViewAssociation)] = [Role.AssociationAdministrator, Role.BoardMember, Role.Coordinator, Role.InterventionLead, Role.ParticipantRegistrar, Role.Analyst],
        [nameof(Permission.ManageAssociation)] = [Role.AssociationAdministrator],
        [nameof(Permission.ManageRoles)] = [Role.AssociationAdministrator],
        [nameof(Permission.ReadAudit)] = [Role.AssociationAdministrator],
        [nameof(Permission.ManageMeasurement)] = [Role.AssociationAdministrator, Role.Coordinator],
        [nameof(Permission.ManageInterventions)] = [Role.AssociationAdministrator, Role.InterventionLead],
        [nameof(Permission.ManageStructures)] = [Role.AssociationAdministrator, Role.Coordinator],
        [nameof(Permission.RegisterParticipants)] = [Role.ParticipantRegistrar],
        // Only where the association has opted in to the comparison; none has here, see Expected.
        [nameof(Permission.ViewComparisons)] = [],
    };

    private RunningApp app = null!;
    private int own, other, ownRound, otherRound, ownIntervention, otherIntervention;
    private readonly Dictionary<int, StructureIds> structures = [];

    /// <summary>Real rows of collaboration structures per association, so routes point at data that exists.</summary>
    private sealed record StructureIds(int Group, int Member, int Meeting, int Plan, int Entry, int Document, int Event);
    /// <summary>A participant's episode, its enrolment measurement and the participant, per association.</summary>
    private readonly Dictionary<int, (int Episode, int Measurement, int Participant)> people = [];
    private readonly Dictionary<Role, (WebSession Pages, HttpClient Api)> principals = [];

    public async Task InitializeAsync()
    {
        app = await RunningApp.StartAsync(DatabaseProvider.Sqlite);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var create = scope.ServiceProvider.GetRequiredService<CreateAssociation>();
            var setFunding = scope.ServiceProvider.GetRequiredService<SetFunding>();
            own = (await create.HandleAsync(new("Eget förbund", TestData.OrganisationNumber(), "2016-01-01", ["21"], ["2180", "2101"]))).Value!.Id;
            other = (await create.HandleAsync(new("Annat förbund", TestData.OrganisationNumber(), "2016-01-01", ["07"], ["0780"]))).Value!.Id;
            await setFunding.HandleAsync(own, 2017, new(1_000_000, "equal", null, null));
            await setFunding.HandleAsync(other, 2017, new(1_000_000, "equal", null, null));
            var createRound = scope.ServiceProvider.GetRequiredService<Samordna.Web.Features.Measurement.CreateRound>();
            ownRound = (await createRound.HandleAsync(own, new("spindeln", "Mätning", null))).Value!.Id;
            otherRound = (await createRound.HandleAsync(other, new("spindeln", "Mätning", null))).Value!.Id;
            var saveIntervention = scope.ServiceProvider.GetRequiredService<Samordna.Web.Features.Interventions.SaveIntervention>();
            ownIntervention = (await saveIntervention.CreateAsync(own, new("Egen insats", "IndividualFocused", "PersonalData")))!.Value!.Id;
            otherIntervention = (await saveIntervention.CreateAsync(other, new("Annan insats", "IndividualFocused", "PersonalData")))!.Value!.Id;
            foreach (var association in new[] { own, other })
                structures[association] = await CreateStructuresAsync(scope.ServiceProvider, association);
        }
        foreach (var role in Enum.GetValues<Role>())
        {
            var email = $"{role.ToString().ToLowerInvariant()}@test.se";
            await app.CreateUserAsync(email, role, role == Role.SystemAdministrator ? null : own);
            var session = app.Session();
            var login = await session.LoginAsync(email);
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            principals[role] = (session, app.Client(await app.TokenForAsync(email)));
        }
        // The registrar is assigned to the own association's intervention: the rest of the decision about identity.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<Samordna.Web.Features.Participants.Registrars>()
                .AssignAsync(ownIntervention, "participantregistrar@test.se"))!.IsValid);
            var enrol = scope.ServiceProvider.GetRequiredService<Samordna.Web.Features.Participants.EnrolParticipant>();
            foreach (var (association, intervention, number) in new[] { (own, ownIntervention, "19900101-9810"), (other, otherIntervention, "19900201-9819") })
            {
                var episode = (await enrol.HandleAsync(intervention, new(new DateOnly(2020, 1, 15), "kvinna", null, true, false, number, "Test Testsson", null, null,
                    new(new DateOnly(2020, 1, 15), ["Försäkringskassan"], ["Uppföljning"]), new("Enrolment", new DateOnly(2020, 1, 15), Occupation: "Arbetssökande"))))!.Value!;
                people[association] = (episode.Id, episode.Measurements.Single().Id, episode.ParticipantId!.Value);
            }
        }
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private static async Task<StructureIds> CreateStructuresAsync(IServiceProvider services, int associationId)
    {
        var groups = services.GetRequiredService<Samordna.Web.Features.Structures.GroupCommands>();
        var group = (await groups.CreateAsync(associationId, new("Mysam", "LocalManagementGroup", null, null, null, null, 4, null, "EveryParty", null, null))).Value!;
        var member = (await groups.AddMemberAsync(associationId, group.Id, new("Anna Berg", "FK", null, null, "Member", true, null, null, null)))!.Value!;
        var meeting = (await services.GetRequiredService<Samordna.Web.Features.Structures.MeetingCommands>().PlanAsync(associationId, group.Id, new(new DateTime(2019, 3, 22, 9, 0, 0), 120, null, null)))!.Value!;
        var plan = (await services.GetRequiredService<Samordna.Web.Features.Structures.ActionPlans>().CreateAsync(associationId, new("Plan", null, group.Id, null, null))).Value!;
        var entry = (await services.GetRequiredService<Samordna.Web.Features.Structures.ContactDirectory>().AddAsync(associationId,
            new("Försäkringskassan", null, "Sjukskrivning", "Samverkansansvarig", null, null, true, "Eva Holm", "eva@fk.test", null, null))).Value!;
        var document = (await services.GetRequiredService<Samordna.Web.Features.Structures.StructureDocuments>().CreateAsync(associationId,
            new("Guide", "Vägledning", null, "Koordinatorn", null, false), new(null, null, "Text", null))).Value!;
        var meetingDay = (await services.GetRequiredService<Samordna.Web.Features.Structures.CollaborationEvents>().CreateAsync(associationId,
            new("BreakfastMeeting", "Frukostmöte", "2019-09-12", null, "Koordinatorn", null, null, null, null))).Value!;
        return new StructureIds(group.Id, member.Id, meeting.Id, plan.Id, entry.Id, document.Id, meetingDay.Id);
    }

    private List<(string Key, RouteEndpoint Endpoint)> Endpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e =>
            {
                var pattern = "/" + (e.RoutePattern.RawText ?? "").TrimStart('/');
                var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
                return methods is null ? [($"PAGE {pattern}", e)] : methods.Select(m => ($"{m} {pattern}", e));
            })
            .ToList();

    private static string? DecisionOf(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null) return Anonymous;
        if (endpoint.Metadata.GetMetadata<RequiresPermissionAttribute>() is { } p) return p.Permission.ToString();
        if (endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null) return SignedIn;
        return null;
    }

    [Fact]
    public void Every_endpoint_has_exactly_the_decision_in_the_table()
    {
        var endpoints = Endpoints();
        var unknown = endpoints.Where(e => !Decisions.ContainsKey(e.Key)).Select(e => $"{e.Key} (beslut i koden: {DecisionOf(e.Endpoint) ?? "inget"})").ToList();
        Assert.True(unknown.Count == 0, "Ny slutpunkt utan beslut i behörighetsmatrisen: " + string.Join(", ", unknown));
        var missing = Decisions.Keys.Except(endpoints.Select(e => e.Key)).ToList();
        Assert.True(missing.Count == 0, "Tabellen nämner slutpunkter som inte finns: " + string.Join(", ", missing));
        foreach (var (key, endpoint) in endpoints)
            Assert.True(Decisions[key] == DecisionOf(endpoint), $"{key}: tabellen säger {Decisions[key]}, koden säger {DecisionOf(endpoint) ?? "inget beslut"}");
    }

    [Fact]
    public async Task Every_role_gets_exactly_what_the_matrix_allows_in_own_and_other_association()
    {
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var (key, endpoint) in Endpoints())
        {
            // An upload endpoint answers 415 to anything but a form before authorization runs, so send it a form.
            var multipart = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true;
            foreach (var target in new[] { own, other })
            {
                var (method, path) = Concrete(key, target, target == own ? ownRound : otherRound, target == own ? ownIntervention : otherIntervention, structures[target], people[target]);
                var expectedAnonymous = Decisions[key] == Anonymous;
                var anonymous = await SendAsync(method, path, null, null, multipart);
                if (anonymous != expectedAnonymous) failures.Add($"anonym {key} mot {path}: {(anonymous ? "släpptes in" : "nekades")}");
                checkedCount++;

                foreach (var (role, (pages, api)) in principals)
                {
                    var expected = Expected(Decisions[key], role, target == own);
                    var actual = await SendAsync(method, path, pages, api, multipart);
                    if (actual != expected) failures.Add($"{role} {key} mot {path}: väntat {(expected ? "tillåtet" : "nekat")}, fick {(actual ? "tillåtet" : "nekat")}");
                    checkedCount++;
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} av {checkedCount} kontroller fel:\n" + string.Join("\n", failures));
        Assert.True(checkedCount > 500, $"för få kontroller: {checkedCount}");
    }

    [Fact]
    public void Every_page_handler_takes_the_association_from_the_route_only()
    {
        // A form or query field named associationId must never steer a page to another association than the one
        // the authorization decision was made for.
        var handlers = typeof(Samordna.Web.Hosting.SamordnaApp).Assembly.GetTypes()
            .Where(t => typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel).IsAssignableFrom(t))
            .SelectMany(t => t.GetMethods().Where(m => m.Name.StartsWith("On") && m.DeclaringType == t))
            .SelectMany(m => m.GetParameters().Where(p => p.Name is "associationId" or "year" or "roundId" or "interventionId" or "groupId" or "meetingId" or "planId" or "documentId" or "eventId").Select(p => (Method: m, Parameter: p)))
            .ToList();
        Assert.NotEmpty(handlers);
        var unbound = handlers.Where(h => h.Parameter.GetCustomAttributes(typeof(Microsoft.AspNetCore.Mvc.FromRouteAttribute), false).Length == 0)
            .Select(h => $"{h.Method.DeclaringType!.Name}.{h.Method.Name}({h.Parameter.Name})").ToList();
        Assert.True(unbound.Count == 0, "Saknar [FromRoute]: " + string.Join(", ", unbound));
    }

    [Fact]
    public async Task A_form_field_cannot_move_a_page_to_another_association()
    {
        var (admin, _) = principals[Role.AssociationAdministrator];
        await app.CreateUserAsync("ny@test.se");
        var posted = await admin.PostFormAsync($"/Associations/{own}/Roles",
            [new("email", "ny@test.se"), new("role", "Analyst"), new("associationId", other.ToString())], $"/Associations/{own}/Roles?handler=Grant");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var granted = await app.WithDbAsync(db => db.RoleAssignments.Where(r => r.Role == Role.Analyst && r.AssociationId != own)
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => u.Email).ToListAsync());
        Assert.DoesNotContain("ny@test.se", granted);

        var read = new HttpRequestMessage(HttpMethod.Get, $"/Associations/{own}/Audit?associationId={other}")
        {
            Content = new FormUrlEncodedContent([new("associationId", other.ToString())]),
        };
        var audit = await (await admin.Http.SendAsync(read)).Content.ReadAsStringAsync();
        Assert.Contains("Eget förbund", audit);
        Assert.DoesNotContain("Annat förbund", audit);
    }

    private static bool Expected(string decision, Role role, bool ownAssociation) => decision switch
    {
        Anonymous or SignedIn => true,
        // The one permission the system administrator does not pass: participants' identity.
        _ when role == Role.SystemAdministrator => decision != nameof(Permission.RegisterParticipants),
        nameof(Permission.AdministerInstallation) => false,
        // Decided by the opted-in associations (ComparisonAccess), and no association in this test has opted in:
        // everyone but the system administrator is refused. ComparisonTests covers a role in an opted-in association.
        nameof(Permission.ViewComparisons) => false,
        _ => ownAssociation && AllowedInOwnAssociation[decision].Contains(role),
    };

    private static (string Method, string Path) Concrete(string key, int associationId, int roundId, int interventionId, StructureIds ids, (int Episode, int Measurement, int Participant) person)
    {
        var space = key.IndexOf(' ');
        var method = key[..space] == "PAGE" ? "GET" : key[..space];
        var path = key[(space + 1)..]
            .Replace("{associationId:int}", associationId.ToString())
            .Replace("{year:int}", "2017")
            .Replace("{capability}", "reports")
            .Replace("{assignmentId:int}", "999999")
            .Replace("{tokenId:int}", "999999")
            .Replace("{documentName}", "v1")
            .Replace("{code:int?}", "404")
            .Replace("{roundId:int}", roundId.ToString())
            .Replace("{interventionId:int}", interventionId.ToString())
            .Replace("{episodeId:int}", person.Episode.ToString())
            .Replace("{measurementId:int}", person.Measurement.ToString())
            .Replace("{participantId:int}", person.Participant.ToString())
            .Replace("{registrarId:int}", "999999")
            .Replace("{questionId:int}", "999999")
            .Replace("{code}", "spindeln")
            .Replace("{token}", "ogiltig-lank")
            .Replace("{attribute}", "county_part")
            .Replace("{kind}", "chef")
            .Replace("{groupId:int}", ids.Group.ToString())
            .Replace("{memberId:int}", ids.Member.ToString())
            .Replace("{meetingId:int}", ids.Meeting.ToString())
            .Replace("{planId:int}", ids.Plan.ToString())
            .Replace("{entryId:int}", ids.Entry.ToString())
            .Replace("{documentId:int}", ids.Document.ToString())
            .Replace("{version:int}", "1")
            .Replace("{eventId:int}", ids.Event.ToString())
            .Replace("{agreementId:int}", "999999")
            .Replace("{deviationId:int}", "999999")
            .Replace("{period}", "2019H1");
        return (method, path);
    }

    /// <summary>
    /// True when the request got past authorization: any answer but 401, 403, or the cookie handler's redirect to
    /// sign-in or access denied (which always carries ReturnUrl, unlike a page's own redirect).
    /// </summary>
    private async Task<bool> SendAsync(string method, string path, WebSession? pages, HttpClient? api, bool multipart)
    {
        var client = path.StartsWith("/api/") ? api ?? app.Client() : pages?.Http ?? app.Session().Http;
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
            request.Content = multipart
                ? new MultipartFormDataContent { { new ByteArrayContent("record_id\n"u8.ToArray()), "file", "tom.csv" } }
                : new StringContent("{}", Encoding.UTF8, "application/json");
        var response = await client.SendAsync(request);
        Assert.True(response.StatusCode != HttpStatusCode.UnsupportedMediaType, $"{method} {path}: 415 says nothing about authorization");
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) return false;
        var location = response.Headers.Location?.OriginalString ?? "";
        return !(response.StatusCode == HttpStatusCode.Redirect && location.Contains("ReturnUrl=")
                 && (location.Contains("/Account/Login") || location.Contains("/Account/AccessDenied")));
    }
}

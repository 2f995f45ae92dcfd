using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Samordna.Web.Data.Migrations;

/// <summary>
/// Collaboration structures: the foundation's groups and members get kinds and roles as codes, convening and
/// quorum rules, tenancies and substitutes; new tables for meetings, agreements, action plans, coordinators,
/// the directory and deviation reports.
/// </summary>
[DbContext(typeof(SamordnaDb))]
[Migration(Id)]
public sealed class M0009_Structures : Migration
{
    public const string Id = "20261122000009_Structures";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ExtendGroups(migrationBuilder);
        CreateMeetings(migrationBuilder);
        CreateAgreementsAndPlans(migrationBuilder);
        CreateCoordinatorsDirectoryDeviations(migrationBuilder);
    }

    private static void ExtendGroups(MigrationBuilder m)
    {
        // Kinds and roles were Swedish words; they become the codes of Core/Structures. Unknown words become the most general code.
        foreach (var (from, to) in new[] { ("Styrelse", "Board"), ("Beredningsgrupp", "PreparatoryGroup"), ("Lokal ledningsgrupp", "LocalManagementGroup"),
                     ("Arbetsgrupp", "WorkingGroup"), ("Utvecklingsgrupp", "DevelopmentGroup"), ("Styrgrupp", "InterventionSteeringGroup"), ("Nätverk", "Network") })
            m.Sql($"UPDATE \"CollaborationGroups\" SET \"Kind\" = '{to}' WHERE \"Kind\" = '{from}'");
        m.Sql("UPDATE \"CollaborationGroups\" SET \"Kind\" = 'Network' WHERE \"Kind\" NOT IN ('Board','PreparatoryGroup','LocalManagementGroup','WorkingGroup','DevelopmentGroup','InterventionSteeringGroup','Network')");
        foreach (var (from, to) in new[] { ("Ordförande", "Chair"), ("Sammankallande", "Chair"), ("Vice ordförande", "ViceChair"), ("Ledamot", "Member"), ("Ersättare", "Substitute"), ("Adjungerad", "Adjunct") })
            m.Sql($"UPDATE \"GroupMembers\" SET \"Role\" = '{to}' WHERE \"Role\" = '{from}'");
        m.Sql("UPDATE \"GroupMembers\" SET \"Role\" = 'Member' WHERE \"Role\" NOT IN ('Chair','ViceChair','Member','Substitute','Adjunct')");

        m.AddColumn<string>(name: "AreaName", table: "CollaborationGroups", maxLength: 200, nullable: true);
        m.AddRequired("CollaborationGroups", "ConveningRule", "Coordinator", maxLength: 20);
        m.AddColumn<string>(name: "ConveningParty", table: "CollaborationGroups", maxLength: 200, nullable: true);
        m.AddColumn<int>(name: "PlannedMeetingsPerYear", table: "CollaborationGroups", nullable: true);
        m.AddColumn<string>(name: "Mandate", table: "CollaborationGroups", maxLength: 2000, nullable: true);
        m.AddRequired("CollaborationGroups", "QuorumRule", "None", maxLength: 20);
        m.AddColumn<string>(name: "StandingAgendaItems", table: "CollaborationGroups", maxLength: 2000, nullable: true);
        m.AddColumn<int>(name: "InterventionId", table: "CollaborationGroups", nullable: true);

        m.AddColumn<string>(name: "Unit", table: "GroupMembers", maxLength: 200, nullable: true);
        m.AddColumn<string>(name: "Email", table: "GroupMembers", maxLength: 256, nullable: true);
        m.AddRequired("GroupMembers", "HasDecisionMandate", false);
        m.AddColumn<DateOnly>(name: "FromDate", table: "GroupMembers", nullable: true);
        m.AddColumn<DateOnly>(name: "ToDate", table: "GroupMembers", nullable: true);
        m.AddColumn<int>(name: "SubstituteForId", table: "GroupMembers", nullable: true);
        m.AddColumn<int>(name: "PredecessorId", table: "GroupMembers", nullable: true);

        m.CreateTable(
            name: "MemberIntroductionSteps",
            columns: t => new
            {
                Id = t.Identity<int>(),
                MemberId = t.Column<int>(nullable: false),
                ItemCode = t.Column<string>(maxLength: 40, nullable: false),
                DoneOn = t.Column<DateOnly>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_MemberIntroductionSteps", x => x.Id);
                t.ForeignKey("FK_MemberIntroductionSteps_GroupMembers_MemberId", x => x.MemberId, "GroupMembers", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_MemberIntroductionSteps_MemberId_ItemCode", "MemberIntroductionSteps", ["MemberId", "ItemCode"], unique: true);
    }

    private static void CreateMeetings(MigrationBuilder m)
    {
        m.CreateTable(
            name: "Meetings",
            columns: t => new
            {
                Id = t.Identity<int>(),
                GroupId = t.Column<int>(nullable: false),
                StartsAt = t.Column<DateTime>(nullable: false),
                DurationMinutes = t.Column<int>(nullable: false),
                Location = t.Column<string>(maxLength: 200, nullable: true),
                Status = t.Column<string>(maxLength: 20, nullable: false),
                CancellationReason = t.Column<string>(maxLength: 500, nullable: true),
                CancelledForLackOfQuorum = t.Column<bool>(nullable: false),
                Agenda = t.Column<string>(maxLength: 4000, nullable: true),
                Minutes = t.Column<string>(maxLength: 20000, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_Meetings", x => x.Id);
                t.ForeignKey("FK_Meetings_CollaborationGroups_GroupId", x => x.GroupId, "CollaborationGroups", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_Meetings_GroupId_StartsAt", "Meetings", ["GroupId", "StartsAt"]);

        m.CreateTable(
            name: "MeetingAttendances",
            columns: t => new
            {
                Id = t.Identity<int>(),
                MeetingId = t.Column<int>(nullable: false),
                MemberId = t.Column<int>(nullable: false),
                Attendance = t.Column<string>(maxLength: 20, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_MeetingAttendances", x => x.Id);
                t.ForeignKey("FK_MeetingAttendances_Meetings_MeetingId", x => x.MeetingId, "Meetings", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_MeetingAttendances_GroupMembers_MemberId", x => x.MemberId, "GroupMembers", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_MeetingAttendances_MeetingId_MemberId", "MeetingAttendances", ["MeetingId", "MemberId"], unique: true);
        m.CreateIndex("IX_MeetingAttendances_MemberId", "MeetingAttendances", "MemberId");

        m.CreateTable(
            name: "MeetingDecisions",
            columns: t => new
            {
                Id = t.Identity<int>(),
                MeetingId = t.Column<int>(nullable: false),
                Number = t.Column<int>(nullable: false),
                Text = t.Column<string>(maxLength: 2000, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_MeetingDecisions", x => x.Id);
                t.ForeignKey("FK_MeetingDecisions_Meetings_MeetingId", x => x.MeetingId, "Meetings", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_MeetingDecisions_MeetingId", "MeetingDecisions", "MeetingId");

        m.CreateTable(
            name: "ActionItems",
            columns: t => new
            {
                Id = t.Identity<int>(),
                MeetingId = t.Column<int>(nullable: false),
                Text = t.Column<string>(maxLength: 1000, nullable: false),
                Owner = t.Column<string>(maxLength: 200, nullable: false),
                DueOn = t.Column<DateOnly>(nullable: true),
                DoneOn = t.Column<DateOnly>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ActionItems", x => x.Id);
                t.ForeignKey("FK_ActionItems_Meetings_MeetingId", x => x.MeetingId, "Meetings", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_ActionItems_MeetingId", "ActionItems", "MeetingId");
    }

    private static void CreateAgreementsAndPlans(MigrationBuilder m)
    {
        m.CreateTable(
            name: "LocalAgreements",
            columns: t => new
            {
                Id = t.Identity<int>(),
                AssociationId = t.Column<int>(nullable: false),
                GroupId = t.Column<int>(nullable: true),
                Title = t.Column<string>(maxLength: 200, nullable: false),
                ReminderDays = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_LocalAgreements", x => x.Id);
                t.ForeignKey("FK_LocalAgreements_Associations_AssociationId", x => x.AssociationId, "Associations", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_LocalAgreements_CollaborationGroups_GroupId", x => x.GroupId, "CollaborationGroups", "Id", onDelete: ReferentialAction.SetNull);
            });
        m.CreateIndex("IX_LocalAgreements_AssociationId", "LocalAgreements", "AssociationId");
        m.CreateIndex("IX_LocalAgreements_GroupId", "LocalAgreements", "GroupId");

        m.CreateTable(
            name: "LocalAgreementVersions",
            columns: t => new
            {
                Id = t.Identity<int>(),
                AgreementId = t.Column<int>(nullable: false),
                Version = t.Column<int>(nullable: false),
                Parties = t.Column<string>(maxLength: 1000, nullable: false),
                TargetAgeFrom = t.Column<int>(nullable: true),
                TargetAgeTo = t.Column<int>(nullable: true),
                Purpose = t.Column<string>(maxLength: 4000, nullable: false),
                Forums = t.Column<string>(maxLength: 2000, nullable: true),
                ValidFrom = t.Column<DateOnly>(nullable: false),
                ValidTo = t.Column<DateOnly>(nullable: true),
                Signatories = t.Column<string>(maxLength: 1000, nullable: true),
                CreatedAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_LocalAgreementVersions", x => x.Id);
                t.ForeignKey("FK_LocalAgreementVersions_LocalAgreements_AgreementId", x => x.AgreementId, "LocalAgreements", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_LocalAgreementVersions_AgreementId_Version", "LocalAgreementVersions", ["AgreementId", "Version"], unique: true);

        m.CreateTable(
            name: "ActionPlans",
            columns: t => new
            {
                Id = t.Identity<int>(),
                AssociationId = t.Column<int>(nullable: false),
                GroupId = t.Column<int>(nullable: true),
                Title = t.Column<string>(maxLength: 200, nullable: false),
                AreaName = t.Column<string>(maxLength: 200, nullable: true),
                Vision = t.Column<string>(maxLength: 2000, nullable: true),
                Goals = t.Column<string>(maxLength: 4000, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ActionPlans", x => x.Id);
                t.ForeignKey("FK_ActionPlans_Associations_AssociationId", x => x.AssociationId, "Associations", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_ActionPlans_CollaborationGroups_GroupId", x => x.GroupId, "CollaborationGroups", "Id", onDelete: ReferentialAction.SetNull);
            });
        m.CreateIndex("IX_ActionPlans_AssociationId", "ActionPlans", "AssociationId");
        m.CreateIndex("IX_ActionPlans_GroupId", "ActionPlans", "GroupId");

        m.CreateTable(
            name: "ActionPlanActivities",
            columns: t => new
            {
                Id = t.Identity<int>(),
                PlanId = t.Column<int>(nullable: false),
                Number = t.Column<int>(nullable: false),
                Title = t.Column<string>(maxLength: 500, nullable: false),
                Year = t.Column<int>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ActionPlanActivities", x => x.Id);
                t.ForeignKey("FK_ActionPlanActivities_ActionPlans_PlanId", x => x.PlanId, "ActionPlans", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_ActionPlanActivities_PlanId", "ActionPlanActivities", "PlanId");

        m.CreateTable(
            name: "ActivityStatusReports",
            columns: t => new
            {
                Id = t.Identity<int>(),
                ActivityId = t.Column<int>(nullable: false),
                Period = t.Column<string>(maxLength: 6, nullable: false),
                Status = t.Column<string>(maxLength: 20, nullable: false),
                Comment = t.Column<string>(maxLength: 4000, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ActivityStatusReports", x => x.Id);
                t.ForeignKey("FK_ActivityStatusReports_ActionPlanActivities_ActivityId", x => x.ActivityId, "ActionPlanActivities", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_ActivityStatusReports_ActivityId_Period", "ActivityStatusReports", ["ActivityId", "Period"], unique: true);

        m.CreateTable(
            name: "ActionPlanPeriodNotes",
            columns: t => new
            {
                Id = t.Identity<int>(),
                PlanId = t.Column<int>(nullable: false),
                Period = t.Column<string>(maxLength: 6, nullable: false),
                Other = t.Column<string>(maxLength: 4000, nullable: true),
                PlansAhead = t.Column<string>(maxLength: 4000, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_ActionPlanPeriodNotes", x => x.Id);
                t.ForeignKey("FK_ActionPlanPeriodNotes_ActionPlans_PlanId", x => x.PlanId, "ActionPlans", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_ActionPlanPeriodNotes_PlanId_Period", "ActionPlanPeriodNotes", ["PlanId", "Period"], unique: true);
    }

    private static void CreateCoordinatorsDirectoryDeviations(MigrationBuilder m)
    {
        m.CreateTable(
            name: "CoordinatorAssignments",
            columns: t => new
            {
                Id = t.Identity<int>(),
                AssociationId = t.Column<int>(nullable: false),
                MunicipalityCode = t.Column<string>(maxLength: 4, nullable: false),
                PersonName = t.Column<string>(maxLength: 200, nullable: false),
                FtePercent = t.Column<decimal>(precision: 5, scale: 2, nullable: false),
                FromDate = t.Column<DateOnly>(nullable: false),
                ToDate = t.Column<DateOnly>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_CoordinatorAssignments", x => x.Id);
                t.ForeignKey("FK_CoordinatorAssignments_Associations_AssociationId", x => x.AssociationId, "Associations", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_CoordinatorAssignments_AssociationId_MunicipalityCode", "CoordinatorAssignments", ["AssociationId", "MunicipalityCode"]);

        m.CreateTable(
            name: "CoordinatorFundings",
            columns: t => new
            {
                Id = t.Identity<int>(),
                AssociationId = t.Column<int>(nullable: false),
                MunicipalityCode = t.Column<string>(maxLength: 4, nullable: false),
                Year = t.Column<int>(nullable: false),
                Cap = t.Column<long>(nullable: false),
                ActualCost = t.Column<long>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_CoordinatorFundings", x => x.Id);
                t.ForeignKey("FK_CoordinatorFundings_Associations_AssociationId", x => x.AssociationId, "Associations", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_CoordinatorFundings_AssociationId_MunicipalityCode_Year", "CoordinatorFundings", ["AssociationId", "MunicipalityCode", "Year"], unique: true);

        m.CreateTable(
            name: "DirectoryEntries",
            columns: t => new
            {
                Id = t.Identity<int>(),
                AssociationId = t.Column<int>(nullable: false),
                Organisation = t.Column<string>(maxLength: 200, nullable: false),
                Unit = t.Column<string>(maxLength: 200, nullable: true),
                Topic = t.Column<string>(maxLength: 200, nullable: false),
                RoleTitle = t.Column<string>(maxLength: 200, nullable: false),
                Phone = t.Column<string>(maxLength: 50, nullable: true),
                RoleEmail = t.Column<string>(maxLength: 256, nullable: true),
                IsPublic = t.Column<bool>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_DirectoryEntries", x => x.Id);
                t.ForeignKey("FK_DirectoryEntries_Associations_AssociationId", x => x.AssociationId, "Associations", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_DirectoryEntries_AssociationId", "DirectoryEntries", "AssociationId");

        m.CreateTable(
            name: "DirectoryHolders",
            columns: t => new
            {
                Id = t.Identity<int>(),
                EntryId = t.Column<int>(nullable: false),
                PersonName = t.Column<string>(maxLength: 200, nullable: false),
                PersonalEmail = t.Column<string>(maxLength: 256, nullable: true),
                Phone = t.Column<string>(maxLength: 50, nullable: true),
                FromDate = t.Column<DateOnly>(nullable: true),
                ToDate = t.Column<DateOnly>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_DirectoryHolders", x => x.Id);
                t.ForeignKey("FK_DirectoryHolders_DirectoryEntries_EntryId", x => x.EntryId, "DirectoryEntries", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_DirectoryHolders_EntryId", "DirectoryHolders", "EntryId");

        m.CreateTable(
            name: "CollaborationDeviations",
            columns: t => new
            {
                Id = t.Identity<int>(),
                AssociationId = t.Column<int>(nullable: false),
                ReportedOn = t.Column<DateOnly>(nullable: false),
                Category = t.Column<string>(maxLength: 40, nullable: false),
                Description = t.Column<string>(maxLength: 4000, nullable: false),
                Recipient = t.Column<string>(maxLength: 200, nullable: false),
                Status = t.Column<string>(maxLength: 20, nullable: false),
                ActionTaken = t.Column<string>(maxLength: 4000, nullable: true),
                ClosedOn = t.Column<DateOnly>(nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_CollaborationDeviations", x => x.Id);
                t.ForeignKey("FK_CollaborationDeviations_Associations_AssociationId", x => x.AssociationId, "Associations", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_CollaborationDeviations_AssociationId", "CollaborationDeviations", "AssociationId");

        m.CreateTable(
            name: "DeviationActors",
            columns: t => new
            {
                Id = t.Identity<int>(),
                DeviationId = t.Column<int>(nullable: false),
                Actor = t.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_DeviationActors", x => x.Id);
                t.ForeignKey("FK_DeviationActors_CollaborationDeviations_DeviationId", x => x.DeviationId, "CollaborationDeviations", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_DeviationActors_DeviationId", "DeviationActors", "DeviationId");
    }
}

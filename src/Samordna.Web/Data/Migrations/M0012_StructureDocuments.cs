using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Samordna.Web.Data.Migrations;

/// <summary>
/// Collaboration structures, second part: documents with versions (content in the database), events with
/// participants per organisation and a follow-up, the reminders already sent, and a Revision column (optimistic
/// concurrency) on every editable structures record.
/// </summary>
[DbContext(typeof(SamordnaDb))]
[Migration(Id)]
public sealed class M0012_StructureDocuments : Migration
{
    public const string Id = "20261122000012_StructureDocuments";

    private static readonly string[] RevisedTables =
    [
        "CollaborationGroups", "GroupMembers", "Meetings", "LocalAgreements", "ActionPlans", "CoordinatorAssignments",
        "CoordinatorFundings", "DirectoryEntries", "CollaborationDeviations",
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var table in RevisedTables) migrationBuilder.AddRequired(table, "Revision", 0);
        CreateDocuments(migrationBuilder);
        CreateEvents(migrationBuilder);
        CreateSentReminders(migrationBuilder);
    }

    private static void CreateDocuments(MigrationBuilder m)
    {
        m.CreateTable(
            name: "StructureDocuments",
            columns: t => new
            {
                Id = t.Identity<int>(),
                AssociationId = t.Column<int>(nullable: false),
                Kind = t.Column<string>(maxLength: 30, nullable: false),
                Title = t.Column<string>(maxLength: 200, nullable: false),
                Description = t.Column<string>(maxLength: 2000, nullable: true),
                Owner = t.Column<string>(maxLength: 200, nullable: false),
                ReviewOn = t.Column<DateOnly>(nullable: true),
                IsPublic = t.Column<bool>(nullable: false),
                Revision = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_StructureDocuments", x => x.Id);
                t.ForeignKey("FK_StructureDocuments_Associations_AssociationId", x => x.AssociationId, "Associations", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_StructureDocuments_AssociationId", "StructureDocuments", "AssociationId");

        m.CreateTable(
            name: "StructureDocumentVersions",
            columns: t => new
            {
                Id = t.Identity<int>(),
                DocumentId = t.Column<int>(nullable: false),
                Version = t.Column<int>(nullable: false),
                FileName = t.Column<string>(maxLength: 200, nullable: false),
                ContentType = t.Column<string>(maxLength: 100, nullable: false),
                Size = t.Column<int>(nullable: false),
                Content = t.Column<byte[]>(nullable: false),
                Note = t.Column<string>(maxLength: 500, nullable: true),
                CreatedAt = t.Column<DateTime>(nullable: false),
                CreatedBy = t.Column<string>(maxLength: 256, nullable: true),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_StructureDocumentVersions", x => x.Id);
                t.ForeignKey("FK_StructureDocumentVersions_StructureDocuments_DocumentId", x => x.DocumentId, "StructureDocuments", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_StructureDocumentVersions_DocumentId_Version", "StructureDocumentVersions", ["DocumentId", "Version"], unique: true);
    }

    private static void CreateEvents(MigrationBuilder m)
    {
        m.CreateTable(
            name: "CollaborationEvents",
            columns: t => new
            {
                Id = t.Identity<int>(),
                AssociationId = t.Column<int>(nullable: false),
                Kind = t.Column<string>(maxLength: 30, nullable: false),
                Title = t.Column<string>(maxLength: 200, nullable: false),
                HeldOn = t.Column<DateOnly>(nullable: false),
                Place = t.Column<string>(maxLength: 200, nullable: true),
                Organiser = t.Column<string>(maxLength: 200, nullable: false),
                Description = t.Column<string>(maxLength: 2000, nullable: true),
                SurveyRoundId = t.Column<int>(nullable: true),
                FollowUpOn = t.Column<DateOnly>(nullable: true),
                FollowUpDoneOn = t.Column<DateOnly>(nullable: true),
                FollowUpNote = t.Column<string>(maxLength: 2000, nullable: true),
                Revision = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_CollaborationEvents", x => x.Id);
                t.ForeignKey("FK_CollaborationEvents_Associations_AssociationId", x => x.AssociationId, "Associations", "Id", onDelete: ReferentialAction.Cascade);
                t.ForeignKey("FK_CollaborationEvents_SurveyRounds_SurveyRoundId", x => x.SurveyRoundId, "SurveyRounds", "Id", onDelete: ReferentialAction.SetNull);
            });
        m.CreateIndex("IX_CollaborationEvents_AssociationId_HeldOn", "CollaborationEvents", ["AssociationId", "HeldOn"]);
        m.CreateIndex("IX_CollaborationEvents_SurveyRoundId", "CollaborationEvents", "SurveyRoundId");

        m.CreateTable(
            name: "EventParticipations",
            columns: t => new
            {
                Id = t.Identity<int>(),
                EventId = t.Column<int>(nullable: false),
                Party = t.Column<string>(maxLength: 200, nullable: false),
                Count = t.Column<int>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_EventParticipations", x => x.Id);
                t.ForeignKey("FK_EventParticipations_CollaborationEvents_EventId", x => x.EventId, "CollaborationEvents", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_EventParticipations_EventId_Party", "EventParticipations", ["EventId", "Party"], unique: true);
    }

    private static void CreateSentReminders(MigrationBuilder m)
    {
        m.CreateTable(
            name: "SentReminders",
            columns: t => new
            {
                Id = t.Identity<int>(),
                AssociationId = t.Column<int>(nullable: false),
                Key = t.Column<string>(maxLength: 100, nullable: false),
                Recipients = t.Column<string>(maxLength: 2000, nullable: false),
                SentAt = t.Column<DateTime>(nullable: false),
            },
            constraints: t =>
            {
                t.PrimaryKey("PK_SentReminders", x => x.Id);
                t.ForeignKey("FK_SentReminders_Associations_AssociationId", x => x.AssociationId, "Associations", "Id", onDelete: ReferentialAction.Cascade);
            });
        m.CreateIndex("IX_SentReminders_AssociationId_Key", "SentReminders", ["AssociationId", "Key"], unique: true);
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Samordna.Web.Data.Migrations;

/// <summary>
/// Participant follow-up: participants (identity and name encrypted, found by a keyed hash), episodes, consents,
/// measurements with their corrections, monthly counts of count-only interventions, and registrars per intervention.
/// </summary>
[DbContext(typeof(SamordnaDb))]
[Migration(Id)]
public sealed class M0011_Participants : Migration
{
    public const string Id = "20261122000011_Participants";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Participants",
            columns: table => new
            {
                Id = table.Identity<int>(),
                AssociationId = table.Column<int>(nullable: false),
                IdentityCipher = table.Column<string>(maxLength: 200, nullable: true),
                IdentityLookup = table.Column<string>(maxLength: 64, nullable: true),
                NameCipher = table.Column<string>(maxLength: 1000, nullable: true),
                ProtectedIdentity = table.Column<bool>(nullable: false),
                ConsentWithdrawn = table.Column<bool>(nullable: false),
                Restricted = table.Column<bool>(nullable: false),
                IdentityErasedOn = table.Column<DateOnly>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Participants", x => x.Id);
                table.ForeignKey("FK_Participants_Associations_AssociationId", x => x.AssociationId, "Associations", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_Participants_AssociationId_IdentityLookup", "Participants", ["AssociationId", "IdentityLookup"], unique: true);

        migrationBuilder.CreateTable(
            name: "Episodes",
            columns: table => new
            {
                Id = table.Identity<int>(),
                AssociationId = table.Column<int>(nullable: false),
                InterventionId = table.Column<int>(nullable: false),
                ParticipantId = table.Column<int>(nullable: true),
                Anonymous = table.Column<bool>(nullable: false),
                EnrolledOn = table.Column<DateOnly>(nullable: false),
                ExitedOn = table.Column<DateOnly>(nullable: true),
                ExitReason = table.Column<string>(maxLength: 30, nullable: true),
                Gender = table.Column<string>(maxLength: 10, nullable: false),
                AgeAtEnrolment = table.Column<int>(nullable: true),
                AgeBand = table.Column<string>(maxLength: 20, nullable: false),
                MunicipalityCode = table.Column<string>(maxLength: 4, nullable: true),
                BudgetYear = table.Column<int>(nullable: false),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Episodes", x => x.Id);
                table.ForeignKey("FK_Episodes_Associations_AssociationId", x => x.AssociationId, "Associations", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Episodes_Interventions_InterventionId", x => x.InterventionId, "Interventions", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Episodes_Participants_ParticipantId", x => x.ParticipantId, "Participants", "Id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("IX_Episodes_AssociationId_BudgetYear", "Episodes", ["AssociationId", "BudgetYear"]);
        migrationBuilder.CreateIndex("IX_Episodes_InterventionId", "Episodes", ["InterventionId"]);
        migrationBuilder.CreateIndex("IX_Episodes_ParticipantId", "Episodes", ["ParticipantId"]);

        migrationBuilder.CreateTable(
            name: "Consents",
            columns: table => new
            {
                Id = table.Identity<int>(),
                EpisodeId = table.Column<int>(nullable: false),
                GivenOn = table.Column<DateOnly>(nullable: false),
                RecordedBy = table.Column<string>(maxLength: 256, nullable: false),
                Parties = table.Column<string>(maxLength: 1000, nullable: false),
                Purposes = table.Column<string>(maxLength: 1000, nullable: false),
                WithdrawnOn = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Consents", x => x.Id);
                table.ForeignKey("FK_Consents_Episodes_EpisodeId", x => x.EpisodeId, "Episodes", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_Consents_EpisodeId", "Consents", ["EpisodeId"]);

        migrationBuilder.CreateTable(
            name: "ParticipantMeasurements",
            columns: table => new
            {
                Id = table.Identity<int>(),
                EpisodeId = table.Column<int>(nullable: false),
                Point = table.Column<string>(maxLength: 20, nullable: false),
                IncomeSources = table.Column<string>(maxLength: 400, nullable: true),
                Occupation = table.Column<string>(maxLength: 40, nullable: true),
                Education = table.Column<string>(maxLength: 40, nullable: true),
                MonthsOnSupport = table.Column<int>(nullable: true),
                SelfRatedHealth = table.Column<int>(nullable: true),
                ExtraAnswers = table.Column<string>(maxLength: 4000, nullable: true),
                MeasuredOn = table.Column<DateOnly>(nullable: false),
                RecordedBy = table.Column<string>(maxLength: 256, nullable: false),
                RecordedAt = table.Column<DateTime>(nullable: false),
                CorrectsId = table.Column<int>(nullable: true),
                CorrectionNote = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ParticipantMeasurements", x => x.Id);
                table.ForeignKey("FK_ParticipantMeasurements_Episodes_EpisodeId", x => x.EpisodeId, "Episodes", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_ParticipantMeasurements_ParticipantMeasurements_CorrectsId", x => x.CorrectsId, "ParticipantMeasurements", "Id", onDelete: ReferentialAction.NoAction);
            });
        migrationBuilder.CreateIndex("IX_ParticipantMeasurements_EpisodeId", "ParticipantMeasurements", ["EpisodeId"]);
        migrationBuilder.CreateIndex("IX_ParticipantMeasurements_CorrectsId", "ParticipantMeasurements", ["CorrectsId"], unique: true);

        migrationBuilder.CreateTable(
            name: "MonthlyCounts",
            columns: table => new
            {
                Id = table.Identity<int>(),
                InterventionId = table.Column<int>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Month = table.Column<int>(nullable: false),
                Women = table.Column<int>(nullable: false),
                Men = table.Column<int>(nullable: false),
                Other = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MonthlyCounts", x => x.Id);
                table.ForeignKey("FK_MonthlyCounts_Interventions_InterventionId", x => x.InterventionId, "Interventions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_MonthlyCounts_InterventionId_Year_Month", "MonthlyCounts", ["InterventionId", "Year", "Month"], unique: true);

        migrationBuilder.CreateTable(
            name: "InterventionRegistrars",
            columns: table => new
            {
                Id = table.Identity<int>(),
                InterventionId = table.Column<int>(nullable: false),
                UserId = table.Column<string>(nullable: false),
                AssignedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_InterventionRegistrars", x => x.Id);
                table.ForeignKey("FK_InterventionRegistrars_Interventions_InterventionId", x => x.InterventionId, "Interventions", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_InterventionRegistrars_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_InterventionRegistrars_InterventionId_UserId", "InterventionRegistrars", ["InterventionId", "UserId"], unique: true);
        migrationBuilder.CreateIndex("IX_InterventionRegistrars_UserId", "InterventionRegistrars", ["UserId"]);
    }
}

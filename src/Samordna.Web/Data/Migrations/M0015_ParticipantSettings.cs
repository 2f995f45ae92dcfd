using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Samordna.Web.Data.Migrations;

/// <summary>
/// Participant follow-up, second part: follow-up days and windows per association or intervention, the association's
/// own questions, and revisions (optimistic concurrency) on participants and episodes.
/// </summary>
[DbContext(typeof(SamordnaDb))]
[Migration(Id)]
public sealed class M0015_ParticipantSettings : Migration
{
    public const string Id = "20261122000015_ParticipantSettings";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "Revision", table: "Participants", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<int>(name: "Revision", table: "Episodes", nullable: false, defaultValue: 0);
        // The default only fills existing rows; the model has none (SQLite cannot drop a default without rebuilding the table).
        if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
            migrationBuilder.Sql("""ALTER TABLE "Participants" ALTER COLUMN "Revision" DROP DEFAULT; ALTER TABLE "Episodes" ALTER COLUMN "Revision" DROP DEFAULT;""");

        migrationBuilder.CreateTable(
            name: "FollowUpSettings",
            columns: table => new
            {
                Id = table.Identity<int>(),
                AssociationId = table.Column<int>(nullable: false),
                InterventionId = table.Column<int>(nullable: true),
                FirstDays = table.Column<int>(nullable: false),
                FirstWindowDays = table.Column<int>(nullable: false),
                SecondDays = table.Column<int>(nullable: false),
                SecondWindowDays = table.Column<int>(nullable: false),
                UpdatedBy = table.Column<string>(maxLength: 256, nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Revision = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_FollowUpSettings", x => x.Id);
                table.ForeignKey("FK_FollowUpSettings_Associations_AssociationId", x => x.AssociationId, "Associations", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_FollowUpSettings_Interventions_InterventionId", x => x.InterventionId, "Interventions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_FollowUpSettings_Association", "FollowUpSettings", ["AssociationId"], unique: true, filter: "\"InterventionId\" IS NULL");
        migrationBuilder.CreateIndex("IX_FollowUpSettings_InterventionId", "FollowUpSettings", ["InterventionId"], unique: true, filter: "\"InterventionId\" IS NOT NULL");

        migrationBuilder.CreateTable(
            name: "ExtraQuestions",
            columns: table => new
            {
                Id = table.Identity<int>(),
                AssociationId = table.Column<int>(nullable: false),
                Code = table.Column<string>(maxLength: 50, nullable: false),
                Wording = table.Column<string>(maxLength: 300, nullable: false),
                Kind = table.Column<string>(maxLength: 10, nullable: false),
                Choices = table.Column<string>(maxLength: 2100, nullable: true),
                MaxLength = table.Column<int>(nullable: true),
                Min = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                Max = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                Active = table.Column<bool>(nullable: false),
                SortOrder = table.Column<int>(nullable: false),
                Revision = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ExtraQuestions", x => x.Id);
                table.ForeignKey("FK_ExtraQuestions_Associations_AssociationId", x => x.AssociationId, "Associations", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ExtraQuestions_AssociationId_Code", "ExtraQuestions", ["AssociationId", "Code"], unique: true);
    }
}

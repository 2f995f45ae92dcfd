using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Samordna.Web.Data.Migrations;

/// <summary>Distribution of survey rounds: open and close dates, the respondent register with single-use links, drafts.</summary>
[DbContext(typeof(SamordnaDb))]
[Migration(Id)]
public sealed class M0004_Distribution : Migration
{
    public const string Id = "20261122000004_Distribution";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateOnly>(name: "OpensOn", table: "SurveyRounds", nullable: true);
        migrationBuilder.AddColumn<DateOnly>(name: "ClosesOn", table: "SurveyRounds", nullable: true);

        migrationBuilder.CreateTable(
            name: "SurveyInvitations",
            columns: table => new
            {
                Id = table.Identity<int>(),
                RoundId = table.Column<int>(nullable: false),
                Email = table.Column<string>(maxLength: 256, nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: true),
                Answered = table.Column<bool>(nullable: false),
                Excluded = table.Column<bool>(nullable: false),
                ExclusionReason = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SurveyInvitations", x => x.Id);
                table.ForeignKey("FK_SurveyInvitations_SurveyRounds_RoundId", x => x.RoundId, "SurveyRounds", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_SurveyInvitations_RoundId_Email", "SurveyInvitations", ["RoundId", "Email"], unique: true);
        migrationBuilder.CreateIndex("IX_SurveyInvitations_TokenHash", "SurveyInvitations", "TokenHash", unique: true);

        migrationBuilder.CreateTable(
            name: "SurveyInvitationUnits",
            columns: table => new
            {
                Id = table.Identity<int>(),
                InvitationId = table.Column<int>(nullable: false),
                Attribute = table.Column<string>(maxLength: 50, nullable: false),
                Value = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SurveyInvitationUnits", x => x.Id);
                table.ForeignKey("FK_SurveyInvitationUnits_SurveyInvitations_InvitationId", x => x.InvitationId, "SurveyInvitations", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_SurveyInvitationUnits_InvitationId_Attribute", "SurveyInvitationUnits", ["InvitationId", "Attribute"], unique: true);

        migrationBuilder.CreateTable(
            name: "SurveyDrafts",
            columns: table => new
            {
                Id = table.Identity<int>(),
                RoundId = table.Column<int>(nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                Answers = table.Column<string>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SurveyDrafts", x => x.Id);
                table.ForeignKey("FK_SurveyDrafts_SurveyRounds_RoundId", x => x.RoundId, "SurveyRounds", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_SurveyDrafts_RoundId", "SurveyDrafts", "RoundId");
        migrationBuilder.CreateIndex("IX_SurveyDrafts_TokenHash", "SurveyDrafts", "TokenHash", unique: true);
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Samordna.Web.Data.Migrations;

/// <summary>Respondent kinds in the register, each with its own answer period.</summary>
[DbContext(typeof(SamordnaDb))]
[Migration(Id)]
public sealed class M0007_RespondentKinds : Migration
{
    public const string Id = "20261122000007_RespondentKinds";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "Kind", table: "SurveyInvitations", maxLength: 50, nullable: true);

        migrationBuilder.CreateTable(
            name: "SurveyRoundPeriods",
            columns: table => new
            {
                Id = table.Identity<int>(),
                RoundId = table.Column<int>(nullable: false),
                Kind = table.Column<string>(maxLength: 50, nullable: false),
                OpensOn = table.Column<DateOnly>(nullable: true),
                ClosesOn = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SurveyRoundPeriods", x => x.Id);
                table.ForeignKey("FK_SurveyRoundPeriods_SurveyRounds_RoundId", x => x.RoundId, "SurveyRounds", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_SurveyRoundPeriods_RoundId_Kind", "SurveyRoundPeriods", ["RoundId", "Kind"], unique: true);
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Samordna.Web.Data.Migrations;

/// <summary>
/// One row per count-only intervention and year holding the year's revision: the months are replaced as a whole,
/// and months with no participants are not stored, so the revision cannot live on the month rows.
/// </summary>
[DbContext(typeof(SamordnaDb))]
[Migration(Id)]
public sealed class M0019_MonthlyCountYears : Migration
{
    public const string Id = "20261122000019_MonthlyCountYears";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "MonthlyCountYears",
            columns: table => new
            {
                Id = table.Identity<int>(),
                InterventionId = table.Column<int>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Revision = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MonthlyCountYears", x => x.Id);
                table.ForeignKey("FK_MonthlyCountYears_Interventions_InterventionId", x => x.InterventionId, "Interventions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_MonthlyCountYears_InterventionId_Year", "MonthlyCountYears", ["InterventionId", "Year"], unique: true);
    }
}

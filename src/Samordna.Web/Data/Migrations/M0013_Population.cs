using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Samordna.Web.Data.Migrations;

/// <summary>Population per municipality and year, for funding per inhabitant.</summary>
[DbContext(typeof(SamordnaDb))]
[Migration(Id)]
public sealed class M0013_Population : Migration
{
    public const string Id = "20261122000013_Population";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PopulationFigures",
            columns: table => new
            {
                Id = table.Identity<int>(),
                MunicipalityCode = table.Column<string>(maxLength: 4, nullable: false),
                Year = table.Column<int>(nullable: false),
                Population = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_PopulationFigures", x => x.Id));
        migrationBuilder.CreateIndex("IX_PopulationFigures_MunicipalityCode_Year", "PopulationFigures", ["MunicipalityCode", "Year"], unique: true);
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Samordna.Web.Data.Migrations;

/// <summary>Associations' consent to the comparison of associations on the installation.</summary>
[DbContext(typeof(SamordnaDb))]
[Migration(Id)]
public sealed class M0014_ComparisonOptIns : Migration
{
    public const string Id = "20261122000014_ComparisonOptIns";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ComparisonOptIns",
            columns: table => new
            {
                AssociationId = table.Column<int>(nullable: false),
                OptedInAt = table.Column<DateTime>(nullable: false),
                OptedInBy = table.Column<string>(maxLength: 256, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ComparisonOptIns", x => x.AssociationId);
                table.ForeignKey("FK_ComparisonOptIns_Associations_AssociationId", x => x.AssociationId, "Associations", "Id", onDelete: ReferentialAction.Cascade);
            });
    }
}

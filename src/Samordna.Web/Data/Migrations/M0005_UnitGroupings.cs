using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Samordna.Web.Data.Migrations;

/// <summary>Configurable groupings of unit values, such as county parts made of municipalities.</summary>
[DbContext(typeof(SamordnaDb))]
[Migration(Id)]
public sealed class M0005_UnitGroupings : Migration
{
    public const string Id = "20261122000005_UnitGroupings";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "UnitGroupings",
            columns: table => new
            {
                Id = table.Identity<int>(),
                AssociationId = table.Column<int>(nullable: false),
                Attribute = table.Column<string>(maxLength: 50, nullable: false),
                SourceAttribute = table.Column<string>(maxLength: 50, nullable: false),
                SourceValue = table.Column<string>(maxLength: 200, nullable: false),
                Value = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_UnitGroupings", x => x.Id);
                table.ForeignKey("FK_UnitGroupings_Associations_AssociationId", x => x.AssociationId, "Associations", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_UnitGroupings_AssociationId_Attribute_SourceValue", "UnitGroupings", ["AssociationId", "Attribute", "SourceValue"], unique: true);
    }
}

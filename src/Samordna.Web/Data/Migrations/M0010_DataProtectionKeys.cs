using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Samordna.Web.Data.Migrations;

/// <summary>Data-protection keys in the database, shared by every instance.</summary>
[DbContext(typeof(SamordnaDb))]
[Migration(Id)]
public sealed class M0010_DataProtectionKeys : Migration
{
    public const string Id = "20261122000010_DataProtectionKeys";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "DataProtectionKeys",
            columns: table => new
            {
                Id = table.Identity<int>(),
                FriendlyName = table.Column<string>(maxLength: 100, nullable: true),
                Xml = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_DataProtectionKeys", x => x.Id));
    }
}

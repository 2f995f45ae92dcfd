using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Samordna.Web.Data.Migrations;

/// <summary>Funding years with their keys, collaboration groups with members, and API tokens.</summary>
[DbContext(typeof(SamordnaDb))]
[Migration(Id)]
public sealed class M0002_FundingGroupsTokens : Migration
{
    public const string Id = "20261122000002_FundingGroupsTokens";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "FundingYears",
            columns: table => new
            {
                Id = table.Identity<int>(),
                AssociationId = table.Column<int>(nullable: false),
                Year = table.Column<int>(nullable: false),
                Total = table.Column<long>(nullable: false),
                Key = table.Column<string>(maxLength: 20, nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_FundingYears", x => x.Id);
                table.ForeignKey("FK_FundingYears_Associations_AssociationId", x => x.AssociationId, "Associations", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_FundingYears_AssociationId_Year", "FundingYears", ["AssociationId", "Year"], unique: true);

        migrationBuilder.CreateTable(
            name: "FundingKeyValues",
            columns: table => new
            {
                Id = table.Identity<int>(),
                FundingYearId = table.Column<int>(nullable: false),
                MunicipalityCode = table.Column<string>(maxLength: 4, nullable: false),
                Population = table.Column<long>(nullable: true),
                Percentage = table.Column<decimal>(precision: 9, scale: 6, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_FundingKeyValues", x => x.Id);
                table.ForeignKey("FK_FundingKeyValues_FundingYears_FundingYearId", x => x.FundingYearId, "FundingYears", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_FundingKeyValues_FundingYearId", "FundingKeyValues", "FundingYearId");

        migrationBuilder.CreateTable(
            name: "CollaborationGroups",
            columns: table => new
            {
                Id = table.Identity<int>(),
                AssociationId = table.Column<int>(nullable: false),
                Kind = table.Column<string>(maxLength: 40, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                MunicipalityCodes = table.Column<string>(maxLength: 200, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CollaborationGroups", x => x.Id);
                table.ForeignKey("FK_CollaborationGroups_Associations_AssociationId", x => x.AssociationId, "Associations", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_CollaborationGroups_AssociationId", "CollaborationGroups", "AssociationId");

        migrationBuilder.CreateTable(
            name: "GroupMembers",
            columns: table => new
            {
                Id = table.Identity<int>(),
                GroupId = table.Column<int>(nullable: false),
                PersonName = table.Column<string>(maxLength: 200, nullable: false),
                Party = table.Column<string>(maxLength: 200, nullable: false),
                Role = table.Column<string>(maxLength: 40, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_GroupMembers", x => x.Id);
                table.ForeignKey("FK_GroupMembers_CollaborationGroups_GroupId", x => x.GroupId, "CollaborationGroups", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_GroupMembers_GroupId", "GroupMembers", "GroupId");

        migrationBuilder.CreateTable(
            name: "ApiTokens",
            columns: table => new
            {
                Id = table.Identity<int>(),
                UserId = table.Column<string>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Prefix = table.Column<string>(maxLength: 16, nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                LastUsedAt = table.Column<DateTime>(nullable: true),
                RevokedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ApiTokens", x => x.Id);
                table.ForeignKey("FK_ApiTokens_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ApiTokens_TokenHash", "ApiTokens", "TokenHash", unique: true);
        migrationBuilder.CreateIndex("IX_ApiTokens_UserId", "ApiTokens", "UserId");
    }
}

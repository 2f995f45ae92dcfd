using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Samordna.Web.Data.Migrations;

/// <summary>Accounts (Identity), associations with their members, role assignments and the audit log.</summary>
[DbContext(typeof(SamordnaDb))]
[Migration(Id)]
public sealed class M0001_Foundation : Migration
{
    public const string Id = "20261122000001_Foundation";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AspNetUsers",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                DisplayName = table.Column<string>(maxLength: 200, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UserName = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedUserName = table.Column<string>(maxLength: 256, nullable: true),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedEmail = table.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = table.Column<bool>(nullable: false),
                PasswordHash = table.Column<string>(nullable: true),
                SecurityStamp = table.Column<string>(nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
                PhoneNumber = table.Column<string>(nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                TwoFactorEnabled = table.Column<bool>(nullable: false),
                LockoutEnd = table.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = table.Column<bool>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_AspNetUsers", x => x.Id));
        migrationBuilder.CreateIndex("EmailIndex", "AspNetUsers", "NormalizedEmail");
        migrationBuilder.CreateIndex("UserNameIndex", "AspNetUsers", "NormalizedUserName", unique: true);

        migrationBuilder.CreateTable(
            name: "AspNetUserClaims",
            columns: table => new
            {
                Id = table.Identity<int>(),
                UserId = table.Column<string>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                table.ForeignKey("FK_AspNetUserClaims_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_AspNetUserClaims_UserId", "AspNetUserClaims", "UserId");

        migrationBuilder.CreateTable(
            name: "AspNetUserLogins",
            columns: table => new
            {
                LoginProvider = table.Column<string>(nullable: false),
                ProviderKey = table.Column<string>(nullable: false),
                ProviderDisplayName = table.Column<string>(nullable: true),
                UserId = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                table.ForeignKey("FK_AspNetUserLogins_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_AspNetUserLogins_UserId", "AspNetUserLogins", "UserId");

        migrationBuilder.CreateTable(
            name: "AspNetUserTokens",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                LoginProvider = table.Column<string>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                table.ForeignKey("FK_AspNetUserTokens_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Associations",
            columns: table => new
            {
                Id = table.Identity<int>(),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                OrganisationNumber = table.Column<string>(maxLength: 11, nullable: false),
                StartDate = table.Column<DateOnly>(nullable: false),
                IsDemo = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Associations", x => x.Id));

        migrationBuilder.CreateTable(
            name: "MemberParties",
            columns: table => new
            {
                Id = table.Identity<int>(),
                AssociationId = table.Column<int>(nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                CountyCode = table.Column<string>(maxLength: 2, nullable: true),
                MunicipalityCode = table.Column<string>(maxLength: 4, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MemberParties", x => x.Id);
                table.ForeignKey("FK_MemberParties_Associations_AssociationId", x => x.AssociationId, "Associations", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_MemberParties_AssociationId", "MemberParties", "AssociationId");

        migrationBuilder.CreateTable(
            name: "RoleAssignments",
            columns: table => new
            {
                Id = table.Identity<int>(),
                UserId = table.Column<string>(nullable: false),
                AssociationId = table.Column<int>(nullable: true),
                Role = table.Column<string>(maxLength: 40, nullable: false),
                GrantedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RoleAssignments", x => x.Id);
                table.ForeignKey("FK_RoleAssignments_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_RoleAssignments_Associations_AssociationId", x => x.AssociationId, "Associations", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_RoleAssignments_AssociationId", "RoleAssignments", "AssociationId");
        migrationBuilder.CreateIndex("IX_RoleAssignments_UserId_AssociationId_Role", "RoleAssignments", ["UserId", "AssociationId", "Role"], unique: true);

        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: table => new
            {
                Id = table.Identity<long>(),
                At = table.Column<DateTime>(nullable: false),
                UserId = table.Column<string>(nullable: true),
                Actor = table.Column<string>(maxLength: 256, nullable: false),
                AssociationId = table.Column<int>(nullable: true),
                Action = table.Column<string>(maxLength: 20, nullable: false),
                Entity = table.Column<string>(maxLength: 100, nullable: false),
                EntityKey = table.Column<string>(maxLength: 100, nullable: false),
                Changes = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_AuditEntries", x => x.Id));
        migrationBuilder.CreateIndex("IX_AuditEntries_AssociationId_Id", "AuditEntries", ["AssociationId", "Id"]);
    }
}

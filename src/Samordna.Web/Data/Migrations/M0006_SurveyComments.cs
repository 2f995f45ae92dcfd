using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Samordna.Web.Data.Migrations;

/// <summary>Respondents' comments per item.</summary>
[DbContext(typeof(SamordnaDb))]
[Migration(Id)]
public sealed class M0006_SurveyComments : Migration
{
    public const string Id = "20261122000006_SurveyComments";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SurveyComments",
            columns: table => new
            {
                Id = table.Identity<long>(),
                RecordId = table.Column<long>(nullable: false),
                ItemCode = table.Column<string>(maxLength: 50, nullable: false),
                Text = table.Column<string>(maxLength: 2000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SurveyComments", x => x.Id);
                table.ForeignKey("FK_SurveyComments_SurveyRecords_RecordId", x => x.RecordId, "SurveyRecords", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_SurveyComments_RecordId", "SurveyComments", "RecordId");
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Samordna.Web.Data.Migrations;

/// <summary>Collaboration measurement: the item bank, rounds, and anonymous answer records.</summary>
[DbContext(typeof(SamordnaDb))]
[Migration(Id)]
public sealed class M0003_Measurement : Migration
{
    public const string Id = "20261122000003_Measurement";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "SurveyInstruments",
            columns: table => new
            {
                Id = table.Identity<int>(),
                Code = table.Column<string>(maxLength: 100, nullable: false),
                Version = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 300, nullable: false),
                Definition = table.Column<string>(nullable: false),
                AddedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_SurveyInstruments", x => x.Id));
        migrationBuilder.CreateIndex("IX_SurveyInstruments_Code_Version", "SurveyInstruments", ["Code", "Version"], unique: true);

        migrationBuilder.CreateTable(
            name: "SurveyRounds",
            columns: table => new
            {
                Id = table.Identity<int>(),
                AssociationId = table.Column<int>(nullable: false),
                InstrumentId = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                BaselineRoundId = table.Column<int>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SurveyRounds", x => x.Id);
                table.ForeignKey("FK_SurveyRounds_Associations_AssociationId", x => x.AssociationId, "Associations", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_SurveyRounds_SurveyInstruments_InstrumentId", x => x.InstrumentId, "SurveyInstruments", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_SurveyRounds_SurveyRounds_BaselineRoundId", x => x.BaselineRoundId, "SurveyRounds", "Id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("IX_SurveyRounds_AssociationId", "SurveyRounds", "AssociationId");
        migrationBuilder.CreateIndex("IX_SurveyRounds_BaselineRoundId", "SurveyRounds", "BaselineRoundId");
        migrationBuilder.CreateIndex("IX_SurveyRounds_InstrumentId", "SurveyRounds", "InstrumentId");

        migrationBuilder.CreateTable(
            name: "SurveyRecords",
            columns: table => new
            {
                Id = table.Identity<long>(),
                RoundId = table.Column<int>(nullable: false),
                RespondentKey = table.Column<string>(maxLength: 64, nullable: true),
                SubmittedOn = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SurveyRecords", x => x.Id);
                table.ForeignKey("FK_SurveyRecords_SurveyRounds_RoundId", x => x.RoundId, "SurveyRounds", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_SurveyRecords_RoundId", "SurveyRecords", "RoundId");

        migrationBuilder.CreateTable(
            name: "SurveyRecordUnits",
            columns: table => new
            {
                Id = table.Identity<long>(),
                RecordId = table.Column<long>(nullable: false),
                Attribute = table.Column<string>(maxLength: 50, nullable: false),
                Value = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SurveyRecordUnits", x => x.Id);
                table.ForeignKey("FK_SurveyRecordUnits_SurveyRecords_RecordId", x => x.RecordId, "SurveyRecords", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_SurveyRecordUnits_RecordId_Attribute", "SurveyRecordUnits", ["RecordId", "Attribute"], unique: true);

        migrationBuilder.CreateTable(
            name: "SurveyAnswers",
            columns: table => new
            {
                Id = table.Identity<long>(),
                RecordId = table.Column<long>(nullable: false),
                ItemCode = table.Column<string>(maxLength: 50, nullable: false),
                Value = table.Column<string>(maxLength: 100, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SurveyAnswers", x => x.Id);
                table.ForeignKey("FK_SurveyAnswers_SurveyRecords_RecordId", x => x.RecordId, "SurveyRecords", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_SurveyAnswers_RecordId_ItemCode", "SurveyAnswers", ["RecordId", "ItemCode"]);
    }
}

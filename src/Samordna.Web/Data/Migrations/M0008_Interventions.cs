using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Samordna.Web.Data.Migrations;

/// <summary>Interventions: life cycle decisions, budget years, staffing, goals, theory of change, implementation plan, evaluation.</summary>
[DbContext(typeof(SamordnaDb))]
[Migration(Id)]
public sealed class M0008_Interventions : Migration
{
    public const string Id = "20261122000008_Interventions";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<decimal>(name: "AdministrationBudget", table: "FundingYears", precision: 14, scale: 2, nullable: true);
        migrationBuilder.AddColumn<decimal>(name: "AdministrationOutcome", table: "FundingYears", precision: 14, scale: 2, nullable: true);

        migrationBuilder.CreateTable(
            name: "Interventions",
            columns: table => new
            {
                Id = table.Identity<int>(),
                AssociationId = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                FormerNames = table.Column<string>(maxLength: 1000, nullable: true),
                Kind = table.Column<string>(maxLength: 30, nullable: false),
                MeasurementMethod = table.Column<string>(maxLength: 30, nullable: false),
                Status = table.Column<string>(maxLength: 30, nullable: false),
                Orientation = table.Column<string>(maxLength: 4000, nullable: true),
                TargetAgeFrom = table.Column<int>(nullable: true),
                TargetAgeTo = table.Column<int>(nullable: true),
                TargetResidence = table.Column<string>(maxLength: 500, nullable: true),
                TargetCriteria = table.Column<string>(maxLength: 4000, nullable: true),
                OwnerParty = table.Column<string>(maxLength: 200, nullable: true),
                CoOwners = table.Column<string>(maxLength: 1000, nullable: true),
                ParticipatingParties = table.Column<string>(maxLength: 1000, nullable: true),
                MunicipalityCodes = table.Column<string>(maxLength: 400, nullable: true),
                ProjectLead = table.Column<string>(maxLength: 200, nullable: true),
                StartDate = table.Column<DateOnly>(nullable: true),
                PlannedEndDate = table.Column<DateOnly>(nullable: true),
                ActualEndDate = table.Column<DateOnly>(nullable: true),
                EndReason = table.Column<string>(maxLength: 1000, nullable: true),
                PredecessorId = table.Column<int>(nullable: true),
                SuccessorNote = table.Column<string>(maxLength: 500, nullable: true),
                FundingSources = table.Column<string>(maxLength: 1000, nullable: true),
                TakenOverBy = table.Column<string>(maxLength: 200, nullable: true),
                MoneyRepaid = table.Column<bool>(nullable: true),
                RepaidAmount = table.Column<decimal>(precision: 14, scale: 2, nullable: true),
                EvaluationPlan = table.Column<string>(maxLength: 4000, nullable: true),
                ApplicationSubmittedOn = table.Column<DateOnly>(nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Revision = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Interventions", x => x.Id);
                table.ForeignKey("FK_Interventions_Associations_AssociationId", x => x.AssociationId, "Associations", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_Interventions_Interventions_PredecessorId", x => x.PredecessorId, "Interventions", "Id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("IX_Interventions_AssociationId_Name", "Interventions", ["AssociationId", "Name"], unique: true);
        migrationBuilder.CreateIndex("IX_Interventions_PredecessorId", "Interventions", ["PredecessorId"]);

        migrationBuilder.CreateTable(
            name: "InterventionPerspectives",
            columns: table => new
            {
                Id = table.Identity<int>(),
                InterventionId = table.Column<int>(nullable: false),
                Perspective = table.Column<string>(maxLength: 200, nullable: false),
                Text = table.Column<string>(maxLength: 4000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_InterventionPerspectives", x => x.Id);
                table.ForeignKey("FK_InterventionPerspectives_Interventions_InterventionId", x => x.InterventionId, "Interventions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_InterventionPerspectives_InterventionId", "InterventionPerspectives", ["InterventionId"]);

        migrationBuilder.CreateTable(
            name: "InterventionDecisions",
            columns: table => new
            {
                Id = table.Identity<int>(),
                InterventionId = table.Column<int>(nullable: false),
                FromStatus = table.Column<string>(maxLength: 30, nullable: true),
                ToStatus = table.Column<string>(maxLength: 30, nullable: true),
                DecidedOn = table.Column<DateOnly>(nullable: false),
                DecidedBy = table.Column<string>(maxLength: 200, nullable: false),
                MinutesReference = table.Column<string>(maxLength: 200, nullable: true),
                Note = table.Column<string>(maxLength: 2000, nullable: true),
                RecordedBy = table.Column<string>(maxLength: 256, nullable: false),
                RecordedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_InterventionDecisions", x => x.Id);
                table.ForeignKey("FK_InterventionDecisions_Interventions_InterventionId", x => x.InterventionId, "Interventions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_InterventionDecisions_InterventionId", "InterventionDecisions", ["InterventionId"]);

        migrationBuilder.CreateTable(
            name: "InterventionBudgetYears",
            columns: table => new
            {
                Id = table.Identity<int>(),
                InterventionId = table.Column<int>(nullable: false),
                Year = table.Column<int>(nullable: false),
                PlannedParticipants = table.Column<int>(nullable: true),
                ActualParticipants = table.Column<int>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_InterventionBudgetYears", x => x.Id);
                table.ForeignKey("FK_InterventionBudgetYears_Interventions_InterventionId", x => x.InterventionId, "Interventions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_InterventionBudgetYears_InterventionId_Year", "InterventionBudgetYears", ["InterventionId", "Year"], unique: true);

        migrationBuilder.CreateTable(
            name: "InterventionBudgetLines",
            columns: table => new
            {
                Id = table.Identity<int>(),
                BudgetYearId = table.Column<int>(nullable: false),
                Kind = table.Column<string>(maxLength: 30, nullable: false),
                Label = table.Column<string>(maxLength: 200, nullable: true),
                Budget = table.Column<decimal>(precision: 14, scale: 2, nullable: false),
                Outcome = table.Column<decimal>(precision: 14, scale: 2, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_InterventionBudgetLines", x => x.Id);
                table.ForeignKey("FK_InterventionBudgetLines_InterventionBudgetYears_BudgetYearId", x => x.BudgetYearId, "InterventionBudgetYears", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_InterventionBudgetLines_BudgetYearId", "InterventionBudgetLines", ["BudgetYearId"]);

        migrationBuilder.CreateTable(
            name: "InterventionStaff",
            columns: table => new
            {
                Id = table.Identity<int>(),
                InterventionId = table.Column<int>(nullable: false),
                Role = table.Column<string>(maxLength: 200, nullable: false),
                EmployingParty = table.Column<string>(maxLength: 200, nullable: false),
                FtePercent = table.Column<decimal>(precision: 5, scale: 1, nullable: false),
                Employment = table.Column<string>(maxLength: 20, nullable: false),
                CoLocated = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_InterventionStaff", x => x.Id);
                table.ForeignKey("FK_InterventionStaff_Interventions_InterventionId", x => x.InterventionId, "Interventions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_InterventionStaff_InterventionId", "InterventionStaff", ["InterventionId"]);

        migrationBuilder.CreateTable(
            name: "InterventionGoals",
            columns: table => new
            {
                Id = table.Identity<int>(),
                InterventionId = table.Column<int>(nullable: false),
                Description = table.Column<string>(maxLength: 500, nullable: false),
                Target = table.Column<decimal>(precision: 14, scale: 2, nullable: false),
                Unit = table.Column<string>(maxLength: 20, nullable: false),
                Direction = table.Column<string>(maxLength: 20, nullable: false),
                TargetDate = table.Column<DateOnly>(nullable: false),
                Result = table.Column<decimal>(precision: 14, scale: 2, nullable: true),
                ResultDate = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_InterventionGoals", x => x.Id);
                table.ForeignKey("FK_InterventionGoals_Interventions_InterventionId", x => x.InterventionId, "Interventions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_InterventionGoals_InterventionId", "InterventionGoals", ["InterventionId"]);

        migrationBuilder.CreateTable(
            name: "TheoryOfChangeVersions",
            columns: table => new
            {
                Id = table.Identity<int>(),
                InterventionId = table.Column<int>(nullable: false),
                Version = table.Column<int>(nullable: false),
                Content = table.Column<string>(nullable: false),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TheoryOfChangeVersions", x => x.Id);
                table.ForeignKey("FK_TheoryOfChangeVersions_Interventions_InterventionId", x => x.InterventionId, "Interventions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_TheoryOfChangeVersions_InterventionId_Version", "TheoryOfChangeVersions", ["InterventionId", "Version"], unique: true);

        migrationBuilder.CreateTable(
            name: "ImplementationPlans",
            columns: table => new
            {
                Id = table.Identity<int>(),
                InterventionId = table.Column<int>(nullable: false),
                Goals = table.Column<string>(maxLength: 4000, nullable: false),
                ReceivingUnit = table.Column<string>(maxLength: 200, nullable: true),
                ReceivingParty = table.Column<string>(maxLength: 200, nullable: true),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ImplementationPlans", x => x.Id);
                table.ForeignKey("FK_ImplementationPlans_Interventions_InterventionId", x => x.InterventionId, "Interventions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ImplementationPlans_InterventionId", "ImplementationPlans", ["InterventionId"], unique: true);

        migrationBuilder.CreateTable(
            name: "ImplementationRoles",
            columns: table => new
            {
                Id = table.Identity<int>(),
                InterventionId = table.Column<int>(nullable: false),
                Role = table.Column<string>(maxLength: 200, nullable: false),
                Party = table.Column<string>(maxLength: 200, nullable: true),
                Responsibility = table.Column<string>(maxLength: 1000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ImplementationRoles", x => x.Id);
                table.ForeignKey("FK_ImplementationRoles_Interventions_InterventionId", x => x.InterventionId, "Interventions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ImplementationRoles_InterventionId", "ImplementationRoles", ["InterventionId"]);

        migrationBuilder.CreateTable(
            name: "ImplementationMilestones",
            columns: table => new
            {
                Id = table.Identity<int>(),
                InterventionId = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 300, nullable: false),
                DueDate = table.Column<DateOnly>(nullable: false),
                DoneDate = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ImplementationMilestones", x => x.Id);
                table.ForeignKey("FK_ImplementationMilestones_Interventions_InterventionId", x => x.InterventionId, "Interventions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ImplementationMilestones_InterventionId", "ImplementationMilestones", ["InterventionId"]);

        migrationBuilder.CreateTable(
            name: "AnchoringActivities",
            columns: table => new
            {
                Id = table.Identity<int>(),
                InterventionId = table.Column<int>(nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                Audience = table.Column<string>(maxLength: 300, nullable: false),
                Party = table.Column<string>(maxLength: 200, nullable: true),
                Description = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AnchoringActivities", x => x.Id);
                table.ForeignKey("FK_AnchoringActivities_Interventions_InterventionId", x => x.InterventionId, "Interventions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_AnchoringActivities_InterventionId", "AnchoringActivities", ["InterventionId"]);

        migrationBuilder.CreateTable(
            name: "EvaluationFindings",
            columns: table => new
            {
                Id = table.Identity<int>(),
                InterventionId = table.Column<int>(nullable: false),
                Finding = table.Column<string>(maxLength: 2000, nullable: false),
                Recommendation = table.Column<string>(maxLength: 2000, nullable: true),
                Owner = table.Column<string>(maxLength: 200, nullable: true),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                FollowUpDate = table.Column<DateOnly>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_EvaluationFindings", x => x.Id);
                table.ForeignKey("FK_EvaluationFindings_Interventions_InterventionId", x => x.InterventionId, "Interventions", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_EvaluationFindings_InterventionId", "EvaluationFindings", ["InterventionId"]);
    }
}

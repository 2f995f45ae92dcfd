using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Samordna.Web.Data.Migrations;

/// <summary>
/// Revision columns (concurrency tokens) on the records people edit: an intervention's lists, budget years and
/// implementation plan, funding years, survey rounds and respondent register entries. Existing rows start at 0.
/// </summary>
[DbContext(typeof(SamordnaDb))]
[Migration(Id)]
public sealed class M0016_Revisions : Migration
{
    public const string Id = "20261122000016_Revisions";

    protected override void Up(MigrationBuilder m)
    {
        foreach (var column in new[] { "StaffRevision", "GoalsRevision", "FindingsRevision" }) AddRevision(m, "Interventions", column);
        foreach (var table in new[] { "InterventionBudgetYears", "ImplementationPlans", "FundingYears", "SurveyRounds", "SurveyInvitations" })
            AddRevision(m, table, "Revision");
    }

    // A default fills the existing rows; PostgreSQL then drops it so the schema equals the model's (no default).
    private static void AddRevision(MigrationBuilder m, string table, string column)
    {
        m.AddColumn<int>(name: column, table: table, nullable: false, defaultValue: 0);
        if (m.IsNpgsql()) m.Sql($"ALTER TABLE \"{table}\" ALTER COLUMN \"{column}\" DROP DEFAULT");
    }
}

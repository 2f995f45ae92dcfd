using Microsoft.EntityFrameworkCore;

namespace Samordna.Web.Data;

/// <summary>
/// The revision columns (M0016) of records people edit, as concurrency tokens: a save that read an older revision
/// updates no row and is refused (DbUpdateConcurrencyException), so nobody overwrites a change they never saw.
/// </summary>
public sealed partial class SamordnaDb
{
    partial void ConfigureConcurrency(ModelBuilder builder)
    {
        builder.Entity<Intervention>(e =>
        {
            e.Property(i => i.StaffRevision).IsConcurrencyToken();
            e.Property(i => i.GoalsRevision).IsConcurrencyToken();
            e.Property(i => i.FindingsRevision).IsConcurrencyToken();
        });
        builder.Entity<InterventionBudgetYear>().Property(y => y.Revision).IsConcurrencyToken();
        builder.Entity<ImplementationPlan>().Property(p => p.Revision).IsConcurrencyToken();
        builder.Entity<FundingYear>().Property(f => f.Revision).IsConcurrencyToken();
        builder.Entity<SurveyRound>().Property(r => r.Revision).IsConcurrencyToken();
        builder.Entity<SurveyInvitation>().Property(i => i.Revision).IsConcurrencyToken();
    }
}

using Microsoft.EntityFrameworkCore;

namespace Samordna.Web.Data;

public sealed partial class SamordnaDb
{
    public DbSet<Intervention> Interventions => Set<Intervention>();
    public DbSet<InterventionPerspective> InterventionPerspectives => Set<InterventionPerspective>();
    public DbSet<InterventionDecision> InterventionDecisions => Set<InterventionDecision>();
    public DbSet<InterventionBudgetYear> InterventionBudgetYears => Set<InterventionBudgetYear>();
    public DbSet<InterventionBudgetLine> InterventionBudgetLines => Set<InterventionBudgetLine>();
    public DbSet<InterventionStaff> InterventionStaff => Set<InterventionStaff>();
    public DbSet<InterventionGoal> InterventionGoals => Set<InterventionGoal>();
    public DbSet<TheoryOfChangeVersion> TheoryOfChangeVersions => Set<TheoryOfChangeVersion>();
    public DbSet<ImplementationPlan> ImplementationPlans => Set<ImplementationPlan>();
    public DbSet<ImplementationRole> ImplementationRoles => Set<ImplementationRole>();
    public DbSet<ImplementationMilestone> ImplementationMilestones => Set<ImplementationMilestone>();
    public DbSet<AnchoringActivity> AnchoringActivities => Set<AnchoringActivity>();
    public DbSet<EvaluationFinding> EvaluationFindings => Set<EvaluationFinding>();

    partial void ConfigureInterventions(ModelBuilder builder)
    {
        builder.Entity<FundingYear>(e =>
        {
            e.Property(f => f.AdministrationBudget).HasPrecision(14, 2);
            e.Property(f => f.AdministrationOutcome).HasPrecision(14, 2);
        });

        builder.Entity<Intervention>(e =>
        {
            e.Property(i => i.Name).HasMaxLength(200);
            e.Property(i => i.FormerNames).HasMaxLength(1000);
            e.Property(i => i.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(i => i.MeasurementMethod).HasConversion<string>().HasMaxLength(30);
            e.Property(i => i.Status).HasConversion<string>().HasMaxLength(30);
            e.Property(i => i.Orientation).HasMaxLength(4000);
            e.Property(i => i.TargetResidence).HasMaxLength(500);
            e.Property(i => i.TargetCriteria).HasMaxLength(4000);
            e.Property(i => i.OwnerParty).HasMaxLength(200);
            e.Property(i => i.CoOwners).HasMaxLength(1000);
            e.Property(i => i.ParticipatingParties).HasMaxLength(1000);
            e.Property(i => i.MunicipalityCodes).HasMaxLength(400);
            e.Property(i => i.ProjectLead).HasMaxLength(200);
            e.Property(i => i.EndReason).HasMaxLength(1000);
            e.Property(i => i.SuccessorNote).HasMaxLength(500);
            e.Property(i => i.FundingSources).HasMaxLength(1000);
            e.Property(i => i.TakenOverBy).HasMaxLength(200);
            e.Property(i => i.RepaidAmount).HasPrecision(14, 2);
            e.Property(i => i.EvaluationPlan).HasMaxLength(4000);
            e.Property(i => i.Revision).IsConcurrencyToken();
            e.HasIndex(i => new { i.AssociationId, i.Name }).IsUnique();
            e.HasOne<Association>().WithMany().HasForeignKey(i => i.AssociationId).OnDelete(DeleteBehavior.Cascade);
            // A removed predecessor leaves the successor without one, not an error.
            e.HasOne<Intervention>().WithMany().HasForeignKey(i => i.PredecessorId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(i => i.Perspectives).WithOne().HasForeignKey(x => x.InterventionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(i => i.Decisions).WithOne().HasForeignKey(x => x.InterventionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(i => i.BudgetYears).WithOne().HasForeignKey(x => x.InterventionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(i => i.Staff).WithOne().HasForeignKey(x => x.InterventionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(i => i.Goals).WithOne().HasForeignKey(x => x.InterventionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(i => i.Milestones).WithOne().HasForeignKey(x => x.InterventionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(i => i.ImplementationRoles).WithOne().HasForeignKey(x => x.InterventionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(i => i.Anchoring).WithOne().HasForeignKey(x => x.InterventionId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(i => i.Findings).WithOne().HasForeignKey(x => x.InterventionId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<InterventionPerspective>(e =>
        {
            e.Property(p => p.Perspective).HasMaxLength(200);
            e.Property(p => p.Text).HasMaxLength(4000);
        });

        builder.Entity<InterventionDecision>(e =>
        {
            e.Property(d => d.FromStatus).HasConversion<string>().HasMaxLength(30);
            e.Property(d => d.ToStatus).HasConversion<string>().HasMaxLength(30);
            e.Property(d => d.DecidedBy).HasMaxLength(200);
            e.Property(d => d.MinutesReference).HasMaxLength(200);
            e.Property(d => d.Note).HasMaxLength(2000);
            e.Property(d => d.RecordedBy).HasMaxLength(256);
        });

        builder.Entity<InterventionBudgetYear>(e =>
        {
            e.HasIndex(y => new { y.InterventionId, y.Year }).IsUnique();
            e.HasMany(y => y.Lines).WithOne().HasForeignKey(l => l.BudgetYearId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<InterventionBudgetLine>(e =>
        {
            e.Property(l => l.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(l => l.Label).HasMaxLength(200);
            e.Property(l => l.Budget).HasPrecision(14, 2);
            e.Property(l => l.Outcome).HasPrecision(14, 2);
        });

        builder.Entity<InterventionStaff>(e =>
        {
            e.Property(s => s.Role).HasMaxLength(200);
            e.Property(s => s.EmployingParty).HasMaxLength(200);
            e.Property(s => s.FtePercent).HasPrecision(5, 1);
            e.Property(s => s.Employment).HasConversion<string>().HasMaxLength(20);
        });

        builder.Entity<InterventionGoal>(e =>
        {
            e.Property(g => g.Description).HasMaxLength(500);
            e.Property(g => g.Target).HasPrecision(14, 2);
            e.Property(g => g.Result).HasPrecision(14, 2);
            e.Property(g => g.Unit).HasConversion<string>().HasMaxLength(20);
            e.Property(g => g.Direction).HasConversion<string>().HasMaxLength(20);
        });

        builder.Entity<TheoryOfChangeVersion>(e =>
        {
            e.Property(v => v.CreatedBy).HasMaxLength(256);
            e.HasIndex(v => new { v.InterventionId, v.Version }).IsUnique();
            e.HasOne<Intervention>().WithMany().HasForeignKey(v => v.InterventionId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ImplementationPlan>(e =>
        {
            e.Property(p => p.Goals).HasMaxLength(4000);
            e.Property(p => p.ReceivingUnit).HasMaxLength(200);
            e.Property(p => p.ReceivingParty).HasMaxLength(200);
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(p => p.InterventionId).IsUnique();
            e.HasOne<Intervention>().WithMany().HasForeignKey(p => p.InterventionId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ImplementationRole>(e =>
        {
            e.Property(r => r.Role).HasMaxLength(200);
            e.Property(r => r.Party).HasMaxLength(200);
            e.Property(r => r.Responsibility).HasMaxLength(1000);
        });

        builder.Entity<ImplementationMilestone>(e => e.Property(m => m.Title).HasMaxLength(300));

        builder.Entity<AnchoringActivity>(e =>
        {
            e.Property(a => a.Audience).HasMaxLength(300);
            e.Property(a => a.Party).HasMaxLength(200);
            e.Property(a => a.Description).HasMaxLength(1000);
        });

        builder.Entity<EvaluationFinding>(e =>
        {
            e.Property(f => f.Finding).HasMaxLength(2000);
            e.Property(f => f.Recommendation).HasMaxLength(2000);
            e.Property(f => f.Owner).HasMaxLength(200);
            e.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
        });
    }
}

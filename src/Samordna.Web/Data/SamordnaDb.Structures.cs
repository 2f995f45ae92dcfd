using Microsoft.EntityFrameworkCore;

namespace Samordna.Web.Data;

// Collaboration structures' tables. CollaborationGroups and GroupMembers date from the foundation (their first
// columns are configured in SamordnaDb.cs); this part adds what issue 6 needs. Migration M0009 builds it.
public sealed partial class SamordnaDb
{
    public DbSet<MemberIntroductionStep> MemberIntroductionSteps => Set<MemberIntroductionStep>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingAttendance> MeetingAttendances => Set<MeetingAttendance>();
    public DbSet<MeetingDecision> MeetingDecisions => Set<MeetingDecision>();
    public DbSet<ActionItem> ActionItems => Set<ActionItem>();
    public DbSet<LocalAgreement> LocalAgreements => Set<LocalAgreement>();
    public DbSet<LocalAgreementVersion> LocalAgreementVersions => Set<LocalAgreementVersion>();
    public DbSet<ActionPlan> ActionPlans => Set<ActionPlan>();
    public DbSet<ActionPlanActivity> ActionPlanActivities => Set<ActionPlanActivity>();
    public DbSet<ActivityStatusReport> ActivityStatusReports => Set<ActivityStatusReport>();
    public DbSet<ActionPlanPeriodNote> ActionPlanPeriodNotes => Set<ActionPlanPeriodNote>();
    public DbSet<CoordinatorAssignment> CoordinatorAssignments => Set<CoordinatorAssignment>();
    public DbSet<CoordinatorFunding> CoordinatorFundings => Set<CoordinatorFunding>();
    public DbSet<DirectoryEntry> DirectoryEntries => Set<DirectoryEntry>();
    public DbSet<DirectoryHolder> DirectoryHolders => Set<DirectoryHolder>();
    public DbSet<CollaborationDeviation> CollaborationDeviations => Set<CollaborationDeviation>();
    public DbSet<CollaborationDeviationActor> DeviationActors => Set<CollaborationDeviationActor>();

    partial void ConfigureStructures(ModelBuilder builder)
    {
        ConfigureStructureDocuments(builder);
        builder.Entity<CollaborationGroup>(e =>
        {
            e.Property(g => g.Kind).HasConversion<string>();
            e.Property(g => g.AreaName).HasMaxLength(200);
            e.Property(g => g.ConveningRule).HasConversion<string>().HasMaxLength(20);
            e.Property(g => g.ConveningParty).HasMaxLength(200);
            e.Property(g => g.Mandate).HasMaxLength(2000);
            e.Property(g => g.QuorumRule).HasConversion<string>().HasMaxLength(20);
            e.Property(g => g.StandingAgendaItems).HasMaxLength(2000);
        });

        // SubstituteForId and PredecessorId point into the same table without a foreign key: SQLite cannot add one
        // to an existing table in a hand-written migration. The commands check that both rows are in the same group.
        builder.Entity<GroupMember>(e =>
        {
            e.Property(m => m.Role).HasConversion<string>();
            e.Property(m => m.Unit).HasMaxLength(200);
            e.Property(m => m.Email).HasMaxLength(256);
            e.HasMany(m => m.IntroductionSteps).WithOne().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<MemberIntroductionStep>(e =>
        {
            e.Property(s => s.ItemCode).HasMaxLength(40);
            e.HasIndex(s => new { s.MemberId, s.ItemCode }).IsUnique();
        });

        builder.Entity<Meeting>(e =>
        {
            e.Property(m => m.Location).HasMaxLength(200);
            e.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.CancellationReason).HasMaxLength(500);
            e.Property(m => m.Agenda).HasMaxLength(4000);
            e.Property(m => m.Minutes).HasMaxLength(20000);
            e.HasIndex(m => new { m.GroupId, m.StartsAt });
            e.HasOne(m => m.Group).WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(m => m.Attendances).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(m => m.Decisions).WithOne().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(m => m.ActionItems).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<MeetingAttendance>(e =>
        {
            e.Property(a => a.Attendance).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(a => new { a.MeetingId, a.MemberId }).IsUnique();
            e.HasOne<GroupMember>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<MeetingDecision>(e => e.Property(d => d.Text).HasMaxLength(2000));

        builder.Entity<ActionItem>(e =>
        {
            e.Property(a => a.Text).HasMaxLength(1000);
            e.Property(a => a.Owner).HasMaxLength(200);
        });

        builder.Entity<LocalAgreement>(e =>
        {
            e.Property(a => a.Title).HasMaxLength(200);
            e.HasOne<Association>().WithMany().HasForeignKey(a => a.AssociationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<CollaborationGroup>().WithMany().HasForeignKey(a => a.GroupId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(a => a.Versions).WithOne().HasForeignKey(v => v.AgreementId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<LocalAgreementVersion>(e =>
        {
            e.Property(v => v.Parties).HasMaxLength(1000);
            e.Property(v => v.Purpose).HasMaxLength(4000);
            e.Property(v => v.Forums).HasMaxLength(2000);
            e.Property(v => v.Signatories).HasMaxLength(1000);
            e.HasIndex(v => new { v.AgreementId, v.Version }).IsUnique();
        });

        builder.Entity<ActionPlan>(e =>
        {
            e.Property(p => p.Title).HasMaxLength(200);
            e.Property(p => p.AreaName).HasMaxLength(200);
            e.Property(p => p.Vision).HasMaxLength(2000);
            e.Property(p => p.Goals).HasMaxLength(4000);
            e.HasOne<Association>().WithMany().HasForeignKey(p => p.AssociationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<CollaborationGroup>().WithMany().HasForeignKey(p => p.GroupId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(p => p.Activities).WithOne().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(p => p.PeriodNotes).WithOne().HasForeignKey(n => n.PlanId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ActionPlanActivity>(e =>
        {
            e.Property(a => a.Title).HasMaxLength(500);
            e.HasMany(a => a.Reports).WithOne().HasForeignKey(r => r.ActivityId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ActivityStatusReport>(e =>
        {
            e.Property(r => r.Period).HasMaxLength(6);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.Comment).HasMaxLength(4000);
            e.HasIndex(r => new { r.ActivityId, r.Period }).IsUnique();
        });

        builder.Entity<ActionPlanPeriodNote>(e =>
        {
            e.Property(n => n.Period).HasMaxLength(6);
            e.Property(n => n.Other).HasMaxLength(4000);
            e.Property(n => n.PlansAhead).HasMaxLength(4000);
            e.HasIndex(n => new { n.PlanId, n.Period }).IsUnique();
        });

        builder.Entity<CoordinatorAssignment>(e =>
        {
            e.Property(a => a.MunicipalityCode).HasMaxLength(4);
            e.Property(a => a.PersonName).HasMaxLength(200);
            e.Property(a => a.FtePercent).HasPrecision(5, 2);
            e.HasIndex(a => new { a.AssociationId, a.MunicipalityCode });
            e.HasOne<Association>().WithMany().HasForeignKey(a => a.AssociationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CoordinatorFunding>(e =>
        {
            e.Property(f => f.MunicipalityCode).HasMaxLength(4);
            e.HasIndex(f => new { f.AssociationId, f.MunicipalityCode, f.Year }).IsUnique();
            e.HasOne<Association>().WithMany().HasForeignKey(f => f.AssociationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<DirectoryEntry>(e =>
        {
            e.Property(d => d.Organisation).HasMaxLength(200);
            e.Property(d => d.Unit).HasMaxLength(200);
            e.Property(d => d.Topic).HasMaxLength(200);
            e.Property(d => d.RoleTitle).HasMaxLength(200);
            e.Property(d => d.Phone).HasMaxLength(50);
            e.Property(d => d.RoleEmail).HasMaxLength(256);
            e.HasIndex(d => d.AssociationId);
            e.HasOne<Association>().WithMany().HasForeignKey(d => d.AssociationId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(d => d.Holders).WithOne().HasForeignKey(h => h.EntryId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<DirectoryHolder>(e =>
        {
            e.Property(h => h.PersonName).HasMaxLength(200);
            e.Property(h => h.PersonalEmail).HasMaxLength(256);
            e.Property(h => h.Phone).HasMaxLength(50);
        });

        builder.Entity<CollaborationDeviation>(e =>
        {
            e.Property(d => d.Category).HasConversion<string>().HasMaxLength(40);
            e.Property(d => d.Description).HasMaxLength(4000);
            e.Property(d => d.Recipient).HasMaxLength(200);
            e.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(d => d.ActionTaken).HasMaxLength(4000);
            e.HasIndex(d => d.AssociationId);
            e.HasOne<Association>().WithMany().HasForeignKey(d => d.AssociationId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(d => d.Actors).WithOne().HasForeignKey(a => a.DeviationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CollaborationDeviationActor>(e => e.Property(a => a.Actor).HasMaxLength(200));
    }
}

using Microsoft.EntityFrameworkCore;

namespace Samordna.Web.Data;

public sealed partial class SamordnaDb
{
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<Episode> Episodes => Set<Episode>();
    public DbSet<Consent> Consents => Set<Consent>();
    public DbSet<ParticipantMeasurement> ParticipantMeasurements => Set<ParticipantMeasurement>();
    public DbSet<MonthlyCount> MonthlyCounts => Set<MonthlyCount>();
    public DbSet<MonthlyCountYear> MonthlyCountYears => Set<MonthlyCountYear>();
    public DbSet<InterventionRegistrar> InterventionRegistrars => Set<InterventionRegistrar>();
    public DbSet<FollowUpSetting> FollowUpSettings => Set<FollowUpSetting>();
    public DbSet<ExtraQuestionDefinition> ExtraQuestions => Set<ExtraQuestionDefinition>();

    partial void ConfigureParticipants(ModelBuilder builder)
    {
        // The audit log is read by the association administrator, who never sees personal data: these columns are
        // logged as changed, never with their values (ciphertexts included, so nothing can be matched).
        builder.Entity<Participant>(e =>
        {
            e.Property(p => p.IdentityCipher).HasMaxLength(200).HasAnnotation(AuditTrail.SecretAnnotation, true);
            e.Property(p => p.IdentityLookup).HasMaxLength(64).HasAnnotation(AuditTrail.SecretAnnotation, true);
            e.Property(p => p.NameCipher).HasMaxLength(1000).HasAnnotation(AuditTrail.SecretAnnotation, true);
            e.HasIndex(p => new { p.AssociationId, p.IdentityLookup }).IsUnique();
            e.Property(p => p.Revision).IsConcurrencyToken();
            e.HasOne<Association>().WithMany().HasForeignKey(p => p.AssociationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Episode>(e =>
        {
            e.Property(x => x.ExitReason).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Gender).HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.AgeBand).HasMaxLength(20);
            e.Property(x => x.AgeAtEnrolment).HasAnnotation(AuditTrail.SecretAnnotation, true);
            e.Property(x => x.MunicipalityCode).HasMaxLength(4).HasAnnotation(AuditTrail.SecretAnnotation, true);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.HasIndex(x => new { x.AssociationId, x.BudgetYear });
            e.HasOne<Association>().WithMany().HasForeignKey(x => x.AssociationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Intervention).WithMany().HasForeignKey(x => x.InterventionId).OnDelete(DeleteBehavior.Cascade);
            // Erasing a person keeps their episodes as anonymous statistics.
            e.HasOne(x => x.Participant).WithMany().HasForeignKey(x => x.ParticipantId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(x => x.Consents).WithOne(c => c.Episode).HasForeignKey(c => c.EpisodeId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Measurements).WithOne(m => m.Episode).HasForeignKey(m => m.EpisodeId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Consent>(e =>
        {
            e.Property(c => c.RecordedBy).HasMaxLength(256);
            e.Property(c => c.Parties).HasMaxLength(1000);
            e.Property(c => c.Purposes).HasMaxLength(1000);
        });

        builder.Entity<ParticipantMeasurement>(e =>
        {
            e.Property(m => m.Point).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.IncomeSources).HasMaxLength(400).HasAnnotation(AuditTrail.SecretAnnotation, true);
            e.Property(m => m.Occupation).HasConversion<string>().HasMaxLength(40).HasAnnotation(AuditTrail.SecretAnnotation, true);
            e.Property(m => m.Education).HasConversion<string>().HasMaxLength(40).HasAnnotation(AuditTrail.SecretAnnotation, true);
            e.Property(m => m.MonthsOnSupport).HasAnnotation(AuditTrail.SecretAnnotation, true);
            e.Property(m => m.SelfRatedHealth).HasAnnotation(AuditTrail.SecretAnnotation, true);
            e.Property(m => m.ExtraAnswers).HasMaxLength(4000).HasAnnotation(AuditTrail.SecretAnnotation, true);
            e.Property(m => m.CorrectionNote).HasMaxLength(500).HasAnnotation(AuditTrail.SecretAnnotation, true);
            e.Property(m => m.RecordedBy).HasMaxLength(256);
            // A row is corrected at most once; a later correction corrects the correction, so history is a chain.
            e.HasIndex(m => m.CorrectsId).IsUnique();
            // Checked at the end of the statement, so a whole episode (or association) can still be deleted in one go.
            e.HasOne<ParticipantMeasurement>().WithMany().HasForeignKey(m => m.CorrectsId).OnDelete(DeleteBehavior.NoAction);
        });

        builder.Entity<MonthlyCount>(e =>
        {
            e.HasIndex(m => new { m.InterventionId, m.Year, m.Month }).IsUnique();
            e.HasOne(m => m.Intervention).WithMany().HasForeignKey(m => m.InterventionId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<MonthlyCountYear>(e =>
        {
            e.HasIndex(y => new { y.InterventionId, y.Year }).IsUnique();
            e.HasOne<Intervention>().WithMany().HasForeignKey(y => y.InterventionId).OnDelete(DeleteBehavior.Cascade);
            e.Property(y => y.Revision).IsConcurrencyToken();
        });

        builder.Entity<InterventionRegistrar>(e =>
        {
            e.HasIndex(r => new { r.InterventionId, r.UserId }).IsUnique();
            e.HasOne(r => r.Intervention).WithMany().HasForeignKey(r => r.InterventionId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    
        builder.Entity<FollowUpSetting>(e =>
        {
            e.Property(f => f.UpdatedBy).HasMaxLength(256);
            e.Property(f => f.Revision).IsConcurrencyToken();
            // One row per association (InterventionId null) and one per intervention: partial indexes, as both providers treat nulls as distinct.
            e.HasIndex(f => f.AssociationId).IsUnique().HasFilter("\"InterventionId\" IS NULL").HasDatabaseName("IX_FollowUpSettings_Association");
            e.HasIndex(f => f.InterventionId).IsUnique().HasFilter("\"InterventionId\" IS NOT NULL");
            e.HasOne<Association>().WithMany().HasForeignKey(f => f.AssociationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Intervention>().WithMany().HasForeignKey(f => f.InterventionId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ExtraQuestionDefinition>(e =>
        {
            e.ToTable("ExtraQuestions");
            e.Property(q => q.Code).HasMaxLength(50);
            e.Property(q => q.Wording).HasMaxLength(300);
            e.Property(q => q.Kind).HasConversion<string>().HasMaxLength(10);
            e.Property(q => q.Choices).HasMaxLength(2100);
            e.Property(q => q.Min).HasPrecision(18, 4);
            e.Property(q => q.Max).HasPrecision(18, 4);
            e.Property(q => q.Revision).IsConcurrencyToken();
            e.HasIndex(q => new { q.AssociationId, q.Code }).IsUnique();
            e.HasOne<Association>().WithMany().HasForeignKey(q => q.AssociationId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

using Microsoft.EntityFrameworkCore;

namespace Samordna.Web.Data;

// Documents, events and sent reminders (M0012), and the revision columns of the structures' editable records.
public sealed partial class SamordnaDb
{
    public DbSet<StructureDocument> StructureDocuments => Set<StructureDocument>();
    public DbSet<StructureDocumentVersion> StructureDocumentVersions => Set<StructureDocumentVersion>();
    public DbSet<CollaborationEvent> CollaborationEvents => Set<CollaborationEvent>();
    public DbSet<EventParticipation> EventParticipations => Set<EventParticipation>();
    public DbSet<SentReminder> SentReminders => Set<SentReminder>();

    private static void ConfigureStructureDocuments(ModelBuilder builder)
    {
        // Optimistic concurrency: every save of one of these records raises Revision, and a save from a stale read is refused.
        builder.Entity<CollaborationGroup>().Property(x => x.Revision).IsConcurrencyToken();
        builder.Entity<GroupMember>().Property(x => x.Revision).IsConcurrencyToken();
        builder.Entity<Meeting>().Property(x => x.Revision).IsConcurrencyToken();
        builder.Entity<LocalAgreement>().Property(x => x.Revision).IsConcurrencyToken();
        builder.Entity<ActionPlan>().Property(x => x.Revision).IsConcurrencyToken();
        builder.Entity<CoordinatorAssignment>().Property(x => x.Revision).IsConcurrencyToken();
        builder.Entity<CoordinatorFunding>().Property(x => x.Revision).IsConcurrencyToken();
        builder.Entity<DirectoryEntry>().Property(x => x.Revision).IsConcurrencyToken();
        builder.Entity<CollaborationDeviation>().Property(x => x.Revision).IsConcurrencyToken();

        builder.Entity<StructureDocument>(e =>
        {
            e.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(d => d.Title).HasMaxLength(200);
            e.Property(d => d.Description).HasMaxLength(2000);
            e.Property(d => d.Owner).HasMaxLength(200);
            e.Property(d => d.Revision).IsConcurrencyToken();
            e.HasIndex(d => d.AssociationId);
            e.HasOne<Association>().WithMany().HasForeignKey(d => d.AssociationId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(d => d.Versions).WithOne().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<StructureDocumentVersion>(e =>
        {
            e.Property(v => v.FileName).HasMaxLength(200);
            e.Property(v => v.ContentType).HasMaxLength(100);
            e.Property(v => v.Note).HasMaxLength(500);
            e.Property(v => v.CreatedBy).HasMaxLength(256);
            // The file itself never goes into the change log; its name, size and version do.
            e.Property(v => v.Content).HasAnnotation(AuditTrail.SecretAnnotation, true);
            e.HasIndex(v => new { v.DocumentId, v.Version }).IsUnique();
        });

        builder.Entity<CollaborationEvent>(e =>
        {
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Place).HasMaxLength(200);
            e.Property(x => x.Organiser).HasMaxLength(200);
            e.Property(x => x.Description).HasMaxLength(2000);
            e.Property(x => x.FollowUpNote).HasMaxLength(2000);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.HasIndex(x => new { x.AssociationId, x.HeldOn });
            e.HasOne<Association>().WithMany().HasForeignKey(x => x.AssociationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<SurveyRound>().WithMany().HasForeignKey(x => x.SurveyRoundId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(x => x.Participants).WithOne().HasForeignKey(p => p.EventId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<EventParticipation>(e =>
        {
            e.Property(p => p.Party).HasMaxLength(200);
            e.HasIndex(p => new { p.EventId, p.Party }).IsUnique();
        });

        builder.Entity<SentReminder>(e =>
        {
            e.Property(r => r.Key).HasMaxLength(100);
            e.Property(r => r.Recipients).HasMaxLength(2000);
            e.HasIndex(r => new { r.AssociationId, r.Key }).IsUnique();
            e.HasOne<Association>().WithMany().HasForeignKey(r => r.AssociationId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

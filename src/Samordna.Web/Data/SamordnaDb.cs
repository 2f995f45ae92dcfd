using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Samordna.Web.Data;

/// <summary>
/// The one database of the application. The schema is created only by the hand-written migrations in
/// Data/Migrations; a test checks that they build exactly the schema this model describes.
/// Each newer capability keeps its tables and their configuration in its own part (SamordnaDb.Capability.cs).
/// </summary>
public sealed partial class SamordnaDb(DbContextOptions<SamordnaDb> options, AuditActor? actor = null)
    : IdentityUserContext<AppUser>(options)
{
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Association> Associations => Set<Association>();
    public DbSet<MemberParty> MemberParties => Set<MemberParty>();
    public DbSet<FundingYear> FundingYears => Set<FundingYear>();
    public DbSet<FundingKeyValue> FundingKeyValues => Set<FundingKeyValue>();
    public DbSet<CollaborationGroup> CollaborationGroups => Set<CollaborationGroup>();
    public DbSet<GroupMember> GroupMembers => Set<GroupMember>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<SurveyInstrument> SurveyInstruments => Set<SurveyInstrument>();
    public DbSet<SurveyRound> SurveyRounds => Set<SurveyRound>();
    public DbSet<SurveyRecord> SurveyRecords => Set<SurveyRecord>();
    public DbSet<SurveyRecordUnit> SurveyRecordUnits => Set<SurveyRecordUnit>();
    public DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();
    public DbSet<SurveyInvitation> SurveyInvitations => Set<SurveyInvitation>();
    public DbSet<SurveyInvitationUnit> SurveyInvitationUnits => Set<SurveyInvitationUnit>();
    public DbSet<SurveyDraft> SurveyDrafts => Set<SurveyDraft>();
    public DbSet<UnitGrouping> UnitGroupings => Set<UnitGrouping>();
    public DbSet<SurveyComment> SurveyComments => Set<SurveyComment>();
    public DbSet<SurveyRoundPeriod> SurveyRoundPeriods => Set<SurveyRoundPeriod>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<AppUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.Property(u => u.PasswordHash).HasAnnotation(AuditTrail.SecretAnnotation, true);
            e.Property(u => u.SecurityStamp).HasAnnotation(AuditTrail.SecretAnnotation, true);
        });
        // Identity keeps the authenticator key and recovery codes here.
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<string>>().Property(t => t.Value).HasAnnotation(AuditTrail.SecretAnnotation, true);

        builder.Entity<RoleAssignment>(e =>
        {
            e.Property(r => r.Role).HasConversion<string>().HasMaxLength(40);
            
            e.HasIndex(r => new { r.UserId, r.AssociationId, r.Role }).IsUnique();
            e.HasOne<AppUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Association>().WithMany().HasForeignKey(r => r.AssociationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ApiToken>(e =>
        {
            
            e.Property(t => t.Name).HasMaxLength(200);
            e.Property(t => t.Prefix).HasMaxLength(16);
            e.Property(t => t.TokenHash).HasMaxLength(64).HasAnnotation(AuditTrail.SecretAnnotation, true);
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Association>(e =>
        {
            e.Property(a => a.Name).HasMaxLength(200);
            e.Property(a => a.OrganisationNumber).HasMaxLength(11);
            e.HasMany(a => a.Members).WithOne().HasForeignKey(m => m.AssociationId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(a => a.FundingYears).WithOne().HasForeignKey(f => f.AssociationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<MemberParty>(e =>
        {
            e.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.Name).HasMaxLength(200);
            e.Property(m => m.CountyCode).HasMaxLength(2);
            e.Property(m => m.MunicipalityCode).HasMaxLength(4);
        });

        builder.Entity<FundingYear>(e =>
        {
            e.Property(f => f.Key).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(f => new { f.AssociationId, f.Year }).IsUnique();
            e.HasMany(f => f.KeyValues).WithOne(v => v.FundingYear).HasForeignKey(v => v.FundingYearId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<FundingKeyValue>(e =>
        {
            e.Property(v => v.MunicipalityCode).HasMaxLength(4);
            e.Property(v => v.Percentage).HasPrecision(9, 6);
        });

        builder.Entity<CollaborationGroup>(e =>
        {
            e.Property(g => g.Kind).HasMaxLength(40);
            e.Property(g => g.Name).HasMaxLength(200);
            e.Property(g => g.MunicipalityCodes).HasMaxLength(200);
            e.HasOne<Association>().WithMany().HasForeignKey(g => g.AssociationId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(g => g.Members).WithOne(m => m.Group).HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<GroupMember>(e =>
        {
            e.Property(m => m.PersonName).HasMaxLength(200);
            e.Property(m => m.Party).HasMaxLength(200);
            e.Property(m => m.Role).HasMaxLength(40);
        });

        builder.Entity<SurveyInstrument>(e =>
        {
            e.Property(i => i.Code).HasMaxLength(100);
            e.Property(i => i.Title).HasMaxLength(300);
            e.HasIndex(i => new { i.Code, i.Version }).IsUnique();
        });

        builder.Entity<SurveyRound>(e =>
        {
            e.Property(r => r.Name).HasMaxLength(200);
            e.HasOne<Association>().WithMany().HasForeignKey(r => r.AssociationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(r => r.Instrument).WithMany().HasForeignKey(r => r.InstrumentId).OnDelete(DeleteBehavior.Restrict);
            // Removing a baseline (or its association) leaves a re-measurement without one, not an error.
            e.HasOne<SurveyRound>().WithMany().HasForeignKey(r => r.BaselineRoundId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<SurveyRecord>(e =>
        {
            e.HasAnnotation(AuditTrail.NotAuditedAnnotation, true);
            e.Property(r => r.RespondentKey).HasMaxLength(64);
            e.HasOne<SurveyRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(r => r.Units).WithOne().HasForeignKey(u => u.RecordId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.RecordId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(r => r.Comments).WithOne().HasForeignKey(c => c.RecordId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<SurveyRecordUnit>(e =>
        {
            e.HasAnnotation(AuditTrail.NotAuditedAnnotation, true);
            e.Property(u => u.Attribute).HasMaxLength(50);
            e.Property(u => u.Value).HasMaxLength(200);
            e.HasIndex(u => new { u.RecordId, u.Attribute }).IsUnique();
        });

        builder.Entity<SurveyAnswer>(e =>
        {
            e.HasAnnotation(AuditTrail.NotAuditedAnnotation, true);
            e.Property(a => a.ItemCode).HasMaxLength(50);
            e.Property(a => a.Value).HasMaxLength(100);
            e.HasIndex(a => new { a.RecordId, a.ItemCode });
        });

        // Invitations and drafts are not audited row by row: an "answered" change with its time would tie an
        // invitation to the order of the answers. Their writers log summaries instead.
        builder.Entity<SurveyInvitation>(e =>
        {
            e.HasAnnotation(AuditTrail.NotAuditedAnnotation, true);
            e.Property(i => i.Email).HasMaxLength(256);
            e.Property(i => i.Kind).HasMaxLength(50);
            e.Property(i => i.TokenHash).HasMaxLength(64);
            e.Property(i => i.ExclusionReason).HasMaxLength(200);
            e.HasIndex(i => i.TokenHash).IsUnique();
            e.HasIndex(i => new { i.RoundId, i.Email }).IsUnique();
            e.HasOne<SurveyRound>().WithMany().HasForeignKey(i => i.RoundId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(i => i.Units).WithOne().HasForeignKey(u => u.InvitationId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<SurveyInvitationUnit>(e =>
        {
            e.HasAnnotation(AuditTrail.NotAuditedAnnotation, true);
            e.Property(u => u.Attribute).HasMaxLength(50);
            e.Property(u => u.Value).HasMaxLength(200);
            e.HasIndex(u => new { u.InvitationId, u.Attribute }).IsUnique();
        });

        builder.Entity<SurveyDraft>(e =>
        {
            e.HasAnnotation(AuditTrail.NotAuditedAnnotation, true);
            e.Property(d => d.TokenHash).HasMaxLength(64);
            e.HasIndex(d => d.TokenHash).IsUnique();
            e.HasOne<SurveyRound>().WithMany().HasForeignKey(d => d.RoundId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<SurveyRoundPeriod>(e =>
        {
            e.Property(p => p.Kind).HasMaxLength(50);
            e.HasIndex(p => new { p.RoundId, p.Kind }).IsUnique();
            e.HasOne<SurveyRound>().WithMany().HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<SurveyComment>(e =>
        {
            e.HasAnnotation(AuditTrail.NotAuditedAnnotation, true);
            e.Property(c => c.ItemCode).HasMaxLength(50);
            e.Property(c => c.Text).HasMaxLength(2000);
        });

        builder.Entity<UnitGrouping>(e =>
        {
            e.Property(g => g.Attribute).HasMaxLength(50);
            e.Property(g => g.SourceAttribute).HasMaxLength(50);
            e.Property(g => g.SourceValue).HasMaxLength(200);
            e.Property(g => g.Value).HasMaxLength(200);
            e.HasIndex(g => new { g.AssociationId, g.Attribute, g.SourceValue }).IsUnique();
            e.HasOne<Association>().WithMany().HasForeignKey(g => g.AssociationId).OnDelete(DeleteBehavior.Cascade);
        });

        ConfigureInterventions(builder);
        ConfigureStructures(builder);
        ConfigureHardening(builder);
        ConfigureReports(builder);
        ConfigureParticipants(builder);
        ConfigureConcurrency(builder);

        builder.Entity<AuditEntry>(e =>
        {
            
            e.Property(a => a.Actor).HasMaxLength(256);
            e.Property(a => a.Action).HasMaxLength(20);
            e.Property(a => a.Entity).HasMaxLength(100);
            e.Property(a => a.EntityKey).HasMaxLength(100);
            e.HasIndex(a => new { a.AssociationId, a.Id });
        });
    }

    // Implemented in the capability's own part of this class; an unimplemented part compiles to nothing.
    partial void ConfigureInterventions(ModelBuilder builder);
    partial void ConfigureStructures(ModelBuilder builder);
    partial void ConfigureHardening(ModelBuilder builder);
    partial void ConfigureReports(ModelBuilder builder);
    partial void ConfigureParticipants(ModelBuilder builder);
    partial void ConfigureConcurrency(ModelBuilder builder);

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>Every write is saved together with its audit rows, in one transaction.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (StoredLimits.Check(ChangeTracker) is { Count: > 0 } tooLarge) throw new StoredLimitException(tooLarge);
        var pending = AuditTrail.Capture(ChangeTracker);
        if (pending.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        await using var transaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        AuditEntries.AddRange(pending.Select(p => p.ToEntry(actor ?? AuditActor.System)));
        await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        return written;
    }
}

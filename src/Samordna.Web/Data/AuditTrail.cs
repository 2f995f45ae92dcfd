using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Samordna.Web.Data;

/// <summary>Who is writing: the signed-in user, a token's owner, or an operator at the command line.</summary>
public sealed class AuditActor
{
    public static readonly AuditActor System = new() { Name = "system" };
    public string? UserId { get; set; }
    public string Name { get; set; } = "system";
}

/// <summary>Turns the change tracker's pending writes into audit rows with before/after values.</summary>
public static class AuditTrail
{
    // Swedish letters stay readable in the log and its CSV export; pages encode on output as always.
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    /// <summary>
    /// Model annotation for entity types not audited row by row: anonymous survey answers, whose per-row audit
    /// (who, when) would link them back to a person. Their writers log one summary entry instead.
    /// </summary>
    public const string NotAuditedAnnotation = "Samordna:NotAudited";

    /// <summary>Model annotation for properties whose values the audit log must never contain.</summary>
    public const string SecretAnnotation = "Samordna:AuditSecret";

    public sealed class Pending(EntityEntry entry, EntityState state, Dictionary<string, object?[]> capturedValues, int? associationId)
    {
        /// <summary>Called after the save, so generated keys of added rows are known.</summary>
        public AuditEntry ToEntry(AuditActor actor) => new()
        {
            At = DateTime.UtcNow,
            UserId = actor.UserId,
            Actor = actor.Name,
            AssociationId = associationId ?? AssociationOf(entry),
            Action = state switch { EntityState.Added => "Skapad", EntityState.Deleted => "Borttagen", _ => "Ändrad" },
            Entity = entry.Metadata.ClrType.Name,
            EntityKey = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue)),
            Changes = JsonSerializer.Serialize(state == EntityState.Added
                ? entry.Properties.ToDictionary(p => p.Metadata.Name, p => new[] { null, Show(p.Metadata, p.CurrentValue) })
                : capturedValues, Json),
        };
    }

    /// <summary>
    /// Takes the values of changed and deleted rows, and the association of deleted ones, before the save:
    /// afterwards the original values are gone and a deleted row's references are cut.
    /// </summary>
    public static List<Pending> Capture(ChangeTracker tracker)
    {
        tracker.DetectChanges();
        return tracker.Entries()
            .Where(e => e.Entity is not AuditEntry && e.Metadata.FindAnnotation(NotAuditedAnnotation) is null
                        && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.State switch
            {
                EntityState.Deleted => new Pending(e, e.State,
                    e.Properties.ToDictionary(p => p.Metadata.Name, p => new[] { Show(p.Metadata, p.OriginalValue), null }),
                    AssociationOfExisting(e, tracker)),
                EntityState.Modified => new Pending(e, e.State,
                    e.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))
                        .ToDictionary(p => p.Metadata.Name, p => new[] { Show(p.Metadata, p.OriginalValue), Show(p.Metadata, p.CurrentValue) }),
                    AssociationOfExisting(e, tracker)),
                _ => new Pending(e, e.State, [], null),
            })
            .ToList();
    }

    private static object? Show(IProperty property, object? value) => value switch
    {
        null => null,
        _ when property.FindAnnotation(SecretAnnotation) is not null => "[dolt]",
        Enum e => e.ToString(),
        _ => value,
    };

    /// <summary>For an added row, after the save: follow its own column or its tracked parents.</summary>
    private static int? AssociationOf(EntityEntry entry, int depth = 0)
    {
        if (entry.Entity is Association a) return a.Id;
        if (entry.Metadata.FindProperty("AssociationId") is not null)
            return entry.Property("AssociationId").CurrentValue as int?;
        if (depth > 3) return null;
        foreach (var reference in entry.References)
            if (reference.TargetEntry is { } parent && AssociationOf(parent, depth + 1) is { } id) return id;
        return null;
    }

    /// <summary>For an existing row, before the save: follow the original foreign-key values to tracked parents.</summary>
    private static int? AssociationOfExisting(EntityEntry entry, ChangeTracker tracker, int depth = 0)
    {
        if (entry.Entity is Association) return (int?)entry.Property("Id").OriginalValue;
        if (entry.Metadata.FindProperty("AssociationId") is not null)
            return entry.Property("AssociationId").OriginalValue as int?;
        if (depth > 3) return null;
        foreach (var foreignKey in entry.Metadata.GetForeignKeys())
        {
            var values = foreignKey.Properties.Select(p => entry.Property(p.Name).OriginalValue).ToArray();
            var parent = tracker.Entries().FirstOrDefault(p => p.Metadata == foreignKey.PrincipalEntityType
                && foreignKey.PrincipalKey.Properties.Select(k => p.Property(k.Name).CurrentValue).SequenceEqual(values));
            if (parent is not null && AssociationOfExisting(parent, tracker, depth + 1) is { } id) return id;
        }
        return null;
    }
}

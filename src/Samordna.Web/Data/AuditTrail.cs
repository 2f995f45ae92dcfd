using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

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
    // Secrets are audited as changed, never with their values.
    private static readonly HashSet<string> Hidden =
        ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "TokenHash", "AuthenticatorKey", "Value"];

    /// <param name="capturedValues">Before/after values of modified and deleted rows, taken before the save resets them.</param>
    public sealed class Pending(EntityEntry entry, EntityState state, Dictionary<string, object?[]> capturedValues)
    {
        /// <summary>Called after the save, so generated keys of added rows are known.</summary>
        public AuditEntry ToEntry(AuditActor actor)
        {
            var changes = state switch
            {
                EntityState.Added => entry.Properties.ToDictionary(p => p.Metadata.Name, p => new[] { null, Show(p.Metadata.Name, p.CurrentValue) }),
                _ => capturedValues,
            };
            return new AuditEntry
            {
                At = DateTime.UtcNow,
                UserId = actor.UserId,
                Actor = actor.Name,
                AssociationId = AssociationOf(entry),
                Action = state switch { EntityState.Added => "Skapad", EntityState.Deleted => "Borttagen", _ => "Ändrad" },
                Entity = entry.Metadata.ClrType.Name,
                EntityKey = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue)),
                Changes = JsonSerializer.Serialize(changes),
            };
        }
    }

    public static List<Pending> Capture(ChangeTracker tracker)
    {
        tracker.DetectChanges();
        return tracker.Entries()
            .Where(e => e.Entity is not AuditEntry && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => new Pending(e, e.State, e.State switch
            {
                EntityState.Deleted => e.Properties.ToDictionary(p => p.Metadata.Name, p => new[] { Show(p.Metadata.Name, p.OriginalValue), null }),
                EntityState.Modified => ModifiedValues(e),
                _ => [],
            }))
            .ToList();
    }

    private static Dictionary<string, object?[]> ModifiedValues(EntityEntry entry) =>
        entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))
            .ToDictionary(p => p.Metadata.Name, p => new[] { Show(p.Metadata.Name, p.OriginalValue), Show(p.Metadata.Name, p.CurrentValue) });

    private static object? Show(string property, object? value) =>
        Hidden.Contains(property) && value is not null ? "[dolt]" : value;

    /// <summary>The association a row belongs to, following references to tracked parents where it has no column of its own.</summary>
    private static int? AssociationOf(EntityEntry entry, int depth = 0)
    {
        if (entry.Entity is Association a) return a.Id;
        if (entry.Metadata.FindProperty("AssociationId") is not null)
            return entry.Property("AssociationId").CurrentValue as int?;
        if (depth > 3) return null;
        foreach (var reference in entry.References)
        {
            if (reference.TargetEntry is { } parent && AssociationOf(parent, depth + 1) is { } id) return id;
        }
        return null;
    }
}

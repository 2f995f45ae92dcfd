using System.Globalization;
using System.Text.Json;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Participants;

/// <summary>
/// Every read of a participant's identity number or name writes an audit row: who, which participant, which fields
/// and why (the page or endpoint). The rows are in the association's audit log and in the person's register extract.
/// </summary>
public sealed class IdentityReads(SamordnaDb db, AuditActor actor)
{
    public const string Action = "Läst";

    public async Task LogAsync(int associationId, IEnumerable<int> participantIds, string why, params string[] fields)
    {
        foreach (var id in participantIds.Distinct())
            db.AuditEntries.Add(Entry(actor, associationId, nameof(Participant), id.ToString(CultureInfo.InvariantCulture), Action, new { fält = fields, varför = why }));
        await db.SaveChangesAsync();
    }

    /// <summary>An audit row written by hand, for what the change tracker does not see: reads, bulk deletions, summaries.</summary>
    public static AuditEntry Entry(AuditActor actor, int associationId, string entity, string key, string action, object details) => new()
    {
        At = DateTime.UtcNow, UserId = actor.UserId, Actor = actor.Name, AssociationId = associationId, Action = action,
        Entity = entity, EntityKey = key, Changes = JsonSerializer.Serialize(details, AuditJson),
    };

    private static readonly JsonSerializerOptions AuditJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };
}

using System.Text;
using Microsoft.EntityFrameworkCore;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Audit;

public sealed record AuditRow(long Id, DateTime At, string Actor, int? AssociationId, string Action, string Entity, string EntityKey, string Changes);

/// <summary>Reads the audit log, newest first, for one association or (system administrators) the whole installation.</summary>
public sealed class AuditQueries(SamordnaDb db)
{
    public Task<List<AuditRow>> ListAsync(int? associationId, int take = 500) =>
        db.AuditEntries.AsNoTracking()
            .Where(a => associationId == null || a.AssociationId == associationId)
            .OrderByDescending(a => a.Id).Take(take)
            .Select(a => new AuditRow(a.Id, a.At, a.Actor, a.AssociationId, a.Action, a.Entity, a.EntityKey, a.Changes))
            .ToListAsync();

    /// <summary>Semicolon-separated UTF-8 with BOM, so Swedish Excel opens it as it is.</summary>
    public static byte[] ToCsv(IEnumerable<AuditRow> rows)
    {
        var text = new StringBuilder("Id;Tidpunkt (UTC);Vem;Förbund;Händelse;Objekt;Nyckel;Ändringar\r\n");
        foreach (var r in rows)
            text.Append(string.Join(';', r.Id, r.At.ToString("yyyy-MM-dd HH:mm:ss"), Shared.CsvText.Field(r.Actor), r.AssociationId, r.Action, r.Entity, Shared.CsvText.Field(r.EntityKey), Shared.CsvText.Field(r.Changes))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

}

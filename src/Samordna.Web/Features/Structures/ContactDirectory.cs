using Microsoft.EntityFrameworkCore;
using Samordna.Core.Common;
using Samordna.Core.Structures;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Structures;

public sealed record DirectoryEntryRequest(string? Organisation, string? Unit, string? Topic, string? RoleTitle, string? Phone, string? RoleEmail, bool IsPublic,
    string? HolderName, string? HolderEmail, string? HolderPhone, DateOnly? HolderFrom);

public sealed record HolderRequest(string? PersonName, string? PersonalEmail, string? Phone, DateOnly? From, int? Revision = null);

/// <summary>An entry as a search shows it. PersonalEmail is null in the public view.</summary>
public sealed record DirectoryHit(int Id, string Organisation, string? Unit, string Topic, string RoleTitle, string? Phone, string? RoleEmail, bool IsPublic,
    string? HolderName, string? PersonalEmail, string? HolderPhone, DateOnly? HolderFrom, IReadOnlyList<DirectoryHolder> History, int Revision = 0);

/// <summary>"Vägen in": roles per organisation, unit and topic, with the current holder, so a role survives turnover.</summary>
public sealed class ContactDirectory(SamordnaDb db, StructureQueries queries)
{
    /// <summary>Every word of the query must occur in the organisation, unit, topic, role or current holder (case ignored).</summary>
    public async Task<List<DirectoryHit>> SearchAsync(int associationId, string? query, bool publicView)
    {
        var entries = await db.DirectoryEntries.AsNoTracking().Include(e => e.Holders)
            .Where(e => e.AssociationId == associationId && (!publicView || e.IsPublic)).ToListAsync();
        var today = queries.Today;
        var words = (query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return entries.Select(e =>
            {
                var holder = e.Holders.Where(h => Tenure.IsCurrent(h.FromDate, h.ToDate, today)).OrderByDescending(h => h.FromDate).FirstOrDefault();
                return new DirectoryHit(e.Id, e.Organisation, e.Unit, e.Topic, e.RoleTitle, e.Phone, e.RoleEmail, e.IsPublic,
                    holder?.PersonName, publicView ? null : holder?.PersonalEmail, publicView ? null : holder?.Phone, holder?.FromDate,
                    publicView ? [] : e.Holders.OrderByDescending(h => h.FromDate).ToList(), e.Revision);
            })
            .Where(h => words.All(w => new[] { h.Organisation, h.Unit, h.Topic, h.RoleTitle, h.HolderName }
                .Any(f => f?.Contains(w, StringComparison.CurrentCultureIgnoreCase) == true)))
            .OrderBy(h => h.Organisation).ThenBy(h => h.Unit).ThenBy(h => h.Topic).ToList();
    }

    public async Task<Result<DirectoryEntry>> AddAsync(int associationId, DirectoryEntryRequest r)
    {
        var input = new Input();
        var entry = new DirectoryEntry { AssociationId = associationId, IsPublic = r.IsPublic };
        entry.Organisation = input.Required("organisation", "organisation", r.Organisation, 200);
        entry.Unit = input.Optional("unit", "enhet", r.Unit, 200);
        entry.Topic = input.Required("topic", "ämne", r.Topic, 200);
        entry.RoleTitle = input.Required("roleTitle", "roll", r.RoleTitle, 200);
        entry.Phone = input.Optional("phone", "telefon", r.Phone, 50);
        entry.RoleEmail = Email(input, "roleEmail", r.RoleEmail);
        var holderName = input.Optional("holderName", "namn på den som har rollen", r.HolderName, 200);
        var holder = holderName is null ? null : new DirectoryHolder { PersonName = holderName, PersonalEmail = Email(input, "holderEmail", r.HolderEmail), Phone = input.Optional("holderPhone", "telefon", r.HolderPhone, 50), FromDate = r.HolderFrom };
        if (!input.IsValid) return Result<DirectoryEntry>.Fail(input.Errors);
        if (holder is not null) entry.Holders.Add(holder);
        db.DirectoryEntries.Add(entry);
        await db.SaveChangesAsync();
        return Result<DirectoryEntry>.Ok(entry);
    }

    /// <summary>A new person takes the role: the current holder's last day is the day before.</summary>
    public async Task<Result<DirectoryHolder>?> ChangeHolderAsync(int associationId, int entryId, HolderRequest r)
    {
        var entry = await db.DirectoryEntries.Include(e => e.Holders).SingleOrDefaultAsync(e => e.Id == entryId && e.AssociationId == associationId);
        if (entry is null) return null;
        if (Revisions.IsStale(r.Revision, entry.Revision)) return Result<DirectoryHolder>.Fail([Revisions.Conflict("rollen")]);
        var input = new Input();
        var holder = new DirectoryHolder { EntryId = entryId };
        holder.PersonName = input.Required("personName", "namn på den som tar över rollen", r.PersonName, 200);
        holder.PersonalEmail = Email(input, "personalEmail", r.PersonalEmail);
        holder.Phone = input.Optional("phone", "telefon", r.Phone, 50);
        var from = input.RequiredValue("from", "från vilket datum (ÅÅÅÅ-MM-DD)", r.From);
        var current = entry.Holders.Where(h => h.ToDate == null).ToList();
        if (current.FirstOrDefault(h => h.FromDate >= from) is { } later)
            input.Errors.Add(new("from", $"{later.PersonName} har rollen från {later.FromDate:yyyy-MM-dd}; den nya innehavaren måste börja senare."));
        if (!input.IsValid) return Result<DirectoryHolder>.Fail(input.Errors);
        foreach (var h in current) h.ToDate = from.AddDays(-1);
        holder.FromDate = from;
        db.DirectoryHolders.Add(holder);
        entry.Revision++;
        var errors = await Revisions.SaveAsync(db, "rollen");
        return errors.Count == 0 ? Result<DirectoryHolder>.Ok(holder) : Result<DirectoryHolder>.Fail(errors);
    }

    public async Task<Result<DirectoryEntry>?> SetPublicAsync(int associationId, int entryId, bool isPublic, int? revision = null)
    {
        var entry = await db.DirectoryEntries.SingleOrDefaultAsync(e => e.Id == entryId && e.AssociationId == associationId);
        if (entry is null) return null;
        if (Revisions.IsStale(revision, entry.Revision)) return Result<DirectoryEntry>.Fail([Revisions.Conflict("rollen")]);
        entry.IsPublic = isPublic;
        entry.Revision++;
        var errors = await Revisions.SaveAsync(db, "rollen");
        return errors.Count == 0 ? Result<DirectoryEntry>.Ok(entry) : Result<DirectoryEntry>.Fail(errors);
    }

    private static string? Email(Input input, string field, string? value)
    {
        var email = input.Optional(field, "e-post", value, 256);
        if (email is not null && !email.Contains('@')) input.Errors.Add(new(field, $"\"{email}\" är ingen e-postadress (saknar @)."));
        return email;
    }
}

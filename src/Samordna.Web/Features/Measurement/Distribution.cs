using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Common;
using Samordna.Core.Import;
using Samordna.Core.Measurement;
using Samordna.Core.Reference;
using Samordna.Web.Data;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Measurement;

public sealed record UnitRate(string Attribute, string Value, int Invited, int Answered, int Excluded)
{
    public double? Rate => Invited == 0 ? null : 100.0 * Answered / Invited;
}

public sealed record DistributionSummary(int Invited, int Answered, int Excluded, int WithLinks, IReadOnlyList<UnitRate> Units, IReadOnlyList<string> MunicipalitiesWithNobody);

/// <summary>
/// The respondent register of a round: import, single-use links, exclusions and response rates. The register
/// knows only whether a person answered, never what or when, and writes one audit summary per action.
/// </summary>
public sealed class Distribution(SamordnaDb db, AuditActor actor, SmtpOptions smtp)
{
    public const string EmailColumn = "email";
    public const string KindColumn = "kind";
    /// <summary>The unit attribute under which a respondent's kind is kept on their answers.</summary>
    public const string KindAttribute = "respondent_kind";

    /// <summary>Imports e-mail addresses with unit:&lt;attribute&gt; columns, all or nothing.</summary>
    public async Task<ImportResult?> ImportRegisterAsync(int roundId, string fileName, byte[] content)
    {
        var round = await db.SurveyRounds.SingleOrDefaultAsync(r => r.Id == roundId);
        if (round is null) return null;
        var (table, fileErrors) = ImportTable.Read(fileName, content);
        if (table is null) return new ImportResult(0, fileErrors);

        var errors = new List<ImportError>();
        var emailIndex = table.Header.ToList().FindIndex(h => string.Equals(h, EmailColumn, StringComparison.OrdinalIgnoreCase));
        if (emailIndex < 0) errors.Add(new ImportError(1, EmailColumn, "Kolumnen email saknas. Registret ska ha en rad per person med e-postadress."));
        var kindIndex = table.Header.ToList().FindIndex(h => string.Equals(h, KindColumn, StringComparison.OrdinalIgnoreCase));
        var units = table.Header.Select((h, i) => (Header: h, Index: i)).Where(h => h.Index != emailIndex && h.Index != kindIndex).ToList();
        foreach (var (header, _) in units.Where(u => !u.Header.StartsWith(AnswerImport.UnitPrefix, StringComparison.OrdinalIgnoreCase)
                     || !System.Text.RegularExpressions.Regex.IsMatch(u.Header[AnswerImport.UnitPrefix.Length..].Trim().ToLowerInvariant(), "^[a-z0-9_]{1,50}$")))
            errors.Add(new ImportError(1, header, $"Okänd kolumn \"{header}\". Förväntat: email, kind (svarandetyp, t.ex. chef eller personal) och enhetskolumner som unit:municipality (högst 50 tecken: små bokstäver, siffror, _)."));
        foreach (var twice in units.GroupBy(u => u.Header.Trim().ToLowerInvariant()).Where(g => g.Count() > 1))
            errors.Add(new ImportError(1, twice.First().Header, "Kolumnen finns flera gånger."));
        if (errors.Count > 0) return new ImportResult(0, errors);

        var existing = (await db.SurveyInvitations.Where(i => i.RoundId == roundId).Select(i => i.Email).ToListAsync()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var invitations = new List<SurveyInvitation>();
        foreach (var (row, fields) in table.Rows)
        {
            var email = fields[emailIndex].Trim();
            foreach (var (header, index) in units.Where(u => fields[u.Index].Trim().Length > AnswerImport.MaxUnitValue))
                errors.Add(new ImportError(row, header, $"Värdet får vara högst {AnswerImport.MaxUnitValue} tecken."));
            if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || email.Length > 256)
                errors.Add(new ImportError(row, EmailColumn, $"\"{email}\" är ingen giltig e-postadress."));
            else if (existing.Contains(email))
                errors.Add(new ImportError(row, EmailColumn, $"{email} finns redan i registret för mätomgången."));
            else if (seen.TryGetValue(email, out var first))
                errors.Add(new ImportError(row, EmailColumn, $"{email} finns redan på rad {first}."));
            else
            {
                seen[email] = row;
                invitations.Add(new SurveyInvitation
                {
                    RoundId = roundId, Email = email,
                    Kind = kindIndex >= 0 && fields[kindIndex].Trim().Length > 0 ? fields[kindIndex].Trim()[..Math.Min(fields[kindIndex].Trim().Length, 50)] : null,
                    Units = units.Where(u => fields[u.Index].Trim().Length > 0)
                        .Select(u => new SurveyInvitationUnit { Attribute = u.Header[AnswerImport.UnitPrefix.Length..].Trim().ToLowerInvariant(), Value = fields[u.Index].Trim() }).ToList(),
                });
            }
        }
        if (errors.Count > 0) return new ImportResult(0, errors);
        db.SurveyInvitations.AddRange(invitations);
        Log(round, "Register importerat", $"{{\"personer\":{invitations.Count}}}");
        await db.SaveChangesAsync();
        return new ImportResult(invitations.Count, []);
    }

    /// <summary>
    /// New single-use links for everyone who has not answered and is not excluded, as a CSV of e-mail and link for
    /// a mail merge. Only hashes are stored, so earlier links stop working and this file is the only copy.
    /// </summary>
    public async Task<byte[]?> CreateLinksAsync(int roundId, string baseUrl)
    {
        var round = await db.SurveyRounds.SingleOrDefaultAsync(r => r.Id == roundId);
        if (round is null) return null;
        var links = await NewLinksAsync(round, baseUrl);
        var csv = new StringBuilder("email;lank\r\n");
        foreach (var (email, link) in links.Where(l => l.Link.Length > 0)) csv.Append(email).Append(';').Append(link).Append("\r\n");
        Log(round, "Länkar skapade", $"{{\"lankar\":{links.Count}}}");
        await db.SaveChangesAsync();
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    /// <summary>
    /// Sends an invitation, or a reminder, with a new personal link to everyone who has not answered and is not
    /// excluded; those who have started are pointed to the link they already have. Needs Samordna:Smtp:Host.
    /// </summary>
    public async Task<Result<int>?> SendAsync(int roundId, string baseUrl, bool reminder)
    {
        var round = await db.SurveyRounds.SingleOrDefaultAsync(r => r.Id == roundId);
        if (round is null) return null;
        if (!smtp.Configured)
            return Result<int>.Fail("smtp", "E-post är inte inställd (Samordna:Smtp:Host saknas). Skapa länkarna som fil och skicka dem med ert eget e-postverktyg.");
        var links = await NewLinksAsync(round, baseUrl);
        using var client = smtp.CreateClient();
        foreach (var (email, link) in links)
        {
            var opening = reminder ? "Vi har ännu inte fått ditt svar på enkäten" : "Du är inbjuden att svara på enkäten";
            // Those who have started keep their own link, which holds what they saved.
            var shown = link.Length > 0 ? link : "(använd länken i ditt tidigare mejl; dina sparade svar finns kvar där)";
            using var message = new MailMessage(smtp.From, email)
            {
                Subject = (reminder ? "Påminnelse: " : "Inbjudan: ") + round.Name,
                Body = $"Hej!\n\n{opening} \"{round.Name}\". Dina svar kan inte kopplas till dig. Länken är personlig och kan användas en gång:\n\n{shown}\n",
                BodyEncoding = Encoding.UTF8,
                SubjectEncoding = Encoding.UTF8,
                // Readable in any mail client and in logs of the mail server; the link itself is plain ASCII.
                BodyTransferEncoding = System.Net.Mime.TransferEncoding.QuotedPrintable,
            };
            await client.SendMailAsync(message);
        }
        Log(round, reminder ? "Påminnelse skickad" : "Inbjudan skickad", $"{{\"e-post\":{links.Count}}}");
        await db.SaveChangesAsync();
        return Result<int>.Ok(links.Count);
    }

    /// <summary>New single-use links for everyone still to answer who has not started (an empty link for those who have). Saved with the caller's next save.</summary>
    private async Task<List<(string Email, string Link)>> NewLinksAsync(SurveyRound round, string baseUrl)
    {
        // People who have started keep their link: replacing it would strand a form open in their browser.
        var started = (await db.SurveyDrafts.Where(d => d.RoundId == round.Id).Select(d => d.TokenHash).ToListAsync()).ToHashSet();
        var open = await db.SurveyInvitations.Where(i => i.RoundId == round.Id && !i.Answered && !i.Excluded).OrderBy(i => i.Email).ToListAsync();
        var links = new List<(string, string)>();
        foreach (var invitation in open)
        {
            if (invitation.TokenHash is { } current && started.Contains(current)) { links.Add((invitation.Email, "")); continue; }
            var token = NewToken();
            invitation.TokenHash = Hash(token);
            invitation.Revision++;
            links.Add((invitation.Email, $"{baseUrl.TrimEnd('/')}/s/{token}"));
        }
        return links;
    }

    public async Task<IReadOnlyList<FieldError>> ExcludeAsync(int roundId, string? email, string? reason)
    {
        var round = await db.SurveyRounds.SingleAsync(r => r.Id == roundId);
        var invitation = await db.SurveyInvitations.SingleOrDefaultAsync(i => i.RoundId == roundId && i.Email == (email ?? "").Trim());
        if (invitation is null) return [new FieldError("email", $"{email} finns inte i registret för mätomgången.")];
        if (string.IsNullOrWhiteSpace(reason)) return [new FieldError("reason", "Ange skälet, till exempel \"tjänstledig\" eller \"inte i målgruppen\".")];
        if (invitation.Answered) return [new FieldError("email", "Personen har redan svarat och kan inte undantas.")];
        // An exclusion is not changed by a second one: the first reason stands until someone deliberately changes it.
        if (invitation.Excluded)
            return [new FieldError("email", $"{invitation.Email} är redan undantagen (skäl: {invitation.ExclusionReason}), av någon annan sedan du öppnade sidan. Ingenting ändrades.")];
        invitation.Excluded = true;
        invitation.ExclusionReason = reason.Trim()[..Math.Min(reason.Trim().Length, 200)];
        // The draft goes only with the exclusion: a refused exclusion leaves the person's half-filled form.
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (invitation.TokenHash is { } hash) await db.SurveyDrafts.Where(d => d.TokenHash == hash).ExecuteDeleteAsync();
        invitation.TokenHash = null;
        invitation.Revision++;
        Log(round, "Undantag", $"{{\"skal\":{System.Text.Json.JsonSerializer.Serialize(invitation.ExclusionReason)}}}");
        // The person may have answered, or got a new link, between the read and this save (the revision then moved).
        if (!await Revisions.TrySaveAsync(db)) return [new FieldError("email", Revisions.Message($"Registerraden för {invitation.Email}"))];
        await transaction.CommitAsync();
        return [];
    }

    public const string SettingsWhat = "Mätomgångens svarsperioder";

    /// <summary>
    /// The round's answer period, or with a kind, that respondent kind's own period. The round's revision covers its
    /// own dates and every kind's period, so a change made from a stale page is refused.
    /// </summary>
    public async Task<IReadOnlyList<FieldError>> SetDatesAsync(int roundId, DateOnly? opensOn, DateOnly? closesOn, string? kind = null, int? revision = null)
    {
        var round = await db.SurveyRounds.SingleAsync(r => r.Id == roundId);
        if (Revisions.IsStale(revision, round.Revision)) return [Revisions.Error(SettingsWhat)];
        if (opensOn is not null && closesOn is not null && closesOn < opensOn)
            return [new FieldError("closesOn", "Sista svarsdag kan inte vara före första.")];
        if (string.IsNullOrWhiteSpace(kind))
            (round.OpensOn, round.ClosesOn) = (opensOn, closesOn);
        else
        {
            kind = kind.Trim();
            var period = await db.SurveyRoundPeriods.SingleOrDefaultAsync(p => p.RoundId == roundId && p.Kind == kind);
            if (period is null) db.SurveyRoundPeriods.Add(period = new SurveyRoundPeriod { RoundId = roundId, Kind = kind[..Math.Min(kind.Length, 50)] });
            (period.OpensOn, period.ClosesOn) = (opensOn, closesOn);
        }
        round.Revision++;
        return await Revisions.TrySaveAsync(db) ? [] : [Revisions.Error(SettingsWhat)];
    }

    public Task<List<SurveyRoundPeriod>> PeriodsAsync(int roundId) =>
        db.SurveyRoundPeriods.AsNoTracking().Where(p => p.RoundId == roundId).OrderBy(p => p.Kind).ToListAsync();

    /// <summary>Response rates per unit value (excluded people leave the base), and member municipalities nobody was invited from.</summary>
    public async Task<DistributionSummary?> SummaryAsync(int roundId)
    {
        var round = await db.SurveyRounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roundId);
        if (round is null) return null;
        var invitations = await db.SurveyInvitations.AsNoTracking().Include(i => i.Units).Where(i => i.RoundId == roundId).ToListAsync();
        var units = invitations.SelectMany(i => i.Units.Select(u => (u.Attribute, u.Value, Invitation: i))
                .Concat(i.Kind is null ? [] : [(Attribute: KindAttribute, Value: i.Kind, Invitation: i)]))
            .GroupBy(x => (x.Attribute, x.Value))
            .Select(g => new UnitRate(g.Key.Attribute, g.Key.Value, g.Count(x => !x.Invitation.Excluded), g.Count(x => x.Invitation.Answered), g.Count(x => x.Invitation.Excluded)))
            .OrderBy(u => u.Attribute).ThenBy(u => u.Value).ToList();
        var invitedMunicipalities = units.Where(u => u.Attribute == "municipality").Select(u => u.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var members = await db.MemberParties.AsNoTracking().Where(m => m.AssociationId == round.AssociationId && m.MunicipalityCode != null).Select(m => m.MunicipalityCode!).ToListAsync();
        var nobody = members.Select(code => SwedishRegions.Municipalities[code])
            .Where(m => !invitedMunicipalities.Contains(m.ShortName) && !invitedMunicipalities.Contains(m.Code) && !invitedMunicipalities.Contains(m.Name))
            .Select(m => m.ShortName).Order().ToList();
        return new DistributionSummary(invitations.Count(i => !i.Excluded), invitations.Count(i => i.Answered), invitations.Count(i => i.Excluded),
            invitations.Count(i => i.TokenHash != null && !i.Answered), units, nobody);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private void Log(SurveyRound round, string action, string changes) => db.AuditEntries.Add(new AuditEntry
    {
        At = DateTime.UtcNow, UserId = actor.UserId, Actor = actor.Name, AssociationId = round.AssociationId,
        Action = action, Entity = nameof(SurveyRound), EntityKey = round.Id.ToString(), Changes = changes,
    });
}

using System.Net.Mail;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Structures;
using Samordna.Web.Data;
using Samordna.Web.Features.Measurement;

namespace Samordna.Web.Features.Structures;

public sealed record ReminderLine(Reminder Reminder, DateTime? SentAt);

public sealed record ReminderRun(int Associations, int Sent, int AlreadySent, int Unsent, IReadOnlyList<string> Problems);

/// <summary>
/// Reminders of collaboration structures: action items due within N days or overdue, agreements expiring, documents
/// past their review date, event follow-ups due. They are e-mailed through the measurement capability's SMTP server
/// to the association's coordinators and administrators, once each (SentReminders); without SMTP they are only shown
/// on the structures page.
/// </summary>
public sealed class StructureReminders(SamordnaDb db, SmtpOptions smtp, TimeProvider clock)
{
    public static readonly Role[] Recipients = [Role.Coordinator, Role.AssociationAdministrator];

    public async Task<IReadOnlyList<Reminder>> DueAsync(int associationId, DateOnly today, int days)
    {
        var actions = await db.ActionItems.AsNoTracking()
            .Join(db.Meetings, a => a.MeetingId, m => m.Id, (a, m) => new { a, m.GroupId })
            .Join(db.CollaborationGroups, x => x.GroupId, g => g.Id, (x, g) => new { x.a, g.Name, g.AssociationId })
            .Where(x => x.AssociationId == associationId && x.a.DoneOn == null && x.a.DueOn != null)
            .Select(x => new ActionFact(x.a.Id, x.a.Text, x.a.Owner, x.Name, x.a.DueOn, x.a.DoneOn)).ToListAsync();
        var agreements = (await db.LocalAgreements.AsNoTracking().Include(a => a.Versions).Where(a => a.AssociationId == associationId).ToListAsync())
            .Where(a => a.Versions.Count > 0)
            .Select(a => (a, v: a.Versions.MaxBy(v => v.Version)!))
            .Select(x => new AgreementFact(x.a.Id, x.a.Title, x.v.Version, x.v.ValidFrom, x.v.ValidTo, x.a.ReminderDays));
        var documents = await db.StructureDocuments.AsNoTracking().Where(d => d.AssociationId == associationId && d.ReviewOn != null)
            .Select(d => new DocumentFact(d.Id, d.Title, d.Owner, d.ReviewOn)).ToListAsync();
        var events = await db.CollaborationEvents.AsNoTracking().Where(e => e.AssociationId == associationId && e.FollowUpOn != null && e.FollowUpDoneOn == null)
            .Select(e => new EventFact(e.Id, e.Title, e.HeldOn, e.FollowUpOn, e.FollowUpDoneOn)).ToListAsync();
        return Reminders.Due(today, days, actions, agreements, documents, events);
    }

    /// <summary>What the structures page lists: everything due, with the day it was e-mailed if it was.</summary>
    public async Task<IReadOnlyList<ReminderLine>> ListAsync(int associationId, DateOnly today, int days = Reminders.DefaultDays)
    {
        var due = await DueAsync(associationId, today, days);
        var sent = await db.SentReminders.AsNoTracking().Where(r => r.AssociationId == associationId).ToDictionaryAsync(r => r.Key, r => r.SentAt);
        return due.Select(r => new ReminderLine(r, sent.TryGetValue(r.Key, out var at) ? at : null)).ToList();
    }

    /// <summary>Sends every due reminder not sent before, one message per association, and records each as sent.</summary>
    public async Task<ReminderRun> SendAsync(DateOnly today, int days)
    {
        var associations = await db.Associations.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.Name }).ToListAsync();
        int sent = 0, already = 0, unsent = 0;
        var problems = new List<string>();
        foreach (var association in associations)
        {
            var lines = await ListAsync(association.Id, today, days);
            already += lines.Count(l => l.SentAt is not null);
            var fresh = lines.Where(l => l.SentAt is null).Select(l => l.Reminder).ToList();
            if (fresh.Count == 0) continue;
            if (!smtp.Configured) { unsent += fresh.Count; continue; }
            var to = await RecipientsAsync(association.Id);
            if (to.Count == 0)
            {
                unsent += fresh.Count;
                problems.Add($"{association.Name}: ingen samverkanskoordinator eller förbundsadministratör med e-postadress; {fresh.Count} påminnelser visas bara på sidan.");
                continue;
            }
            using (var client = smtp.CreateClient())
            using (var message = Message(association.Name, to, fresh))
                await client.SendMailAsync(message);
            // Recorded after the mail went: a crash in between sends again rather than never.
            var at = clock.GetUtcNow().UtcDateTime;
            db.SentReminders.AddRange(fresh.Select(r => new SentReminder { AssociationId = association.Id, Key = r.Key, Recipients = Truncate(string.Join(", ", to), 2000), SentAt = at }));
            await db.SaveChangesAsync();
            sent += fresh.Count;
        }
        return new ReminderRun(associations.Count, sent, already, unsent, problems);
    }

    private async Task<List<string>> RecipientsAsync(int associationId) =>
        (await db.RoleAssignments.Where(r => r.AssociationId == associationId && Recipients.Contains(r.Role))
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => u.Email).Where(e => e != null).Distinct().ToListAsync())
        .OfType<string>().Order(StringComparer.Ordinal).ToList();

    private MailMessage Message(string association, IReadOnlyList<string> to, IReadOnlyList<Reminder> reminders)
    {
        var body = new StringBuilder($"Hej!\n\nDet här behöver göras i samverkansstrukturerna i {association}:\n\n");
        foreach (var r in reminders) body.Append("- ").Append(r.Text).Append('\n');
        body.Append("\nDu får det här för att du är samverkanskoordinator eller förbundsadministratör. Varje påminnelse skickas en gång.\n");
        var message = new MailMessage { From = new MailAddress(smtp.From), Subject = $"Påminnelser: {reminders.Count} att göra i {association}", Body = body.ToString(),
            BodyEncoding = Encoding.UTF8, SubjectEncoding = Encoding.UTF8, BodyTransferEncoding = System.Net.Mime.TransferEncoding.QuotedPrintable };
        foreach (var address in to) message.To.Add(address);
        return message;
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}

/// <summary>Sends the structures' reminders once a day while the web application runs, when e-mail is set up.</summary>
public sealed class ReminderService(IServiceScopeFactory scopes, SmtpOptions smtp, TimeProvider clock, ILogger<ReminderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!smtp.Configured) return;
        using var timer = new PeriodicTimer(TimeSpan.FromHours(24), clock);
        try
        {
            await Task.Delay(TimeSpan.FromMinutes(5), clock, stoppingToken);
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var run = await scope.ServiceProvider.GetRequiredService<StructureReminders>().SendAsync(DateOnly.FromDateTime(clock.GetLocalNow().DateTime), Reminders.DefaultDays);
                    if (run.Sent > 0) logger.LogInformation("Påminnelser om samverkansstrukturer skickade: {Count}.", run.Sent);
                    foreach (var problem in run.Problems) logger.LogWarning("{Problem}", problem);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Påminnelserna om samverkansstrukturer kunde inte skickas; nytt försök om ett dygn.");
                }
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) { }
    }
}

/// <summary>The operator's verb: `structures remind [--days N] [--date ÅÅÅÅ-MM-DD]`.</summary>
public static class StructureVerbs
{
    public static async Task<int> RemindAsync(Cli.CommandLine c, IServiceProvider s, TextWriter o)
    {
        var date = DateOnly.FromDateTime(DateTime.Today);
        if (c.Option("date") is { } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out date))
            throw new Cli.UsageProblem($"--date ska vara ett datum ÅÅÅÅ-MM-DD, inte \"{text}\".");
        var days = Reminders.DefaultDays;
        if (c.Option("days") is { } d && (!int.TryParse(d, out days) || days is < 0 or > 365))
            throw new Cli.UsageProblem($"--days ska vara ett antal dagar 0–365, inte \"{d}\".");
        var run = await s.GetRequiredService<StructureReminders>().SendAsync(date, days);
        await o.WriteLineAsync($"Påminnelser {date:yyyy-MM-dd} (åtgärder inom {days} dagar): {run.Sent} skickade, {run.AlreadySent} redan skickade tidigare, {run.Unsent} inte skickade.");
        if (run.Unsent > 0 && !s.GetRequiredService<SmtpOptions>().Configured)
            await o.WriteLineAsync("E-post är inte inställd (Samordna:Smtp:Host saknas); påminnelserna visas på sidan Samverkansstrukturer.");
        foreach (var problem in run.Problems) await o.WriteLineAsync(problem);
        return 0;
    }
}

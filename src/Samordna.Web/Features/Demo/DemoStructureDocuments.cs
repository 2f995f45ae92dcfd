using System.Text;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Structures;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Demo;

/// <summary>
/// Höglandet's documents and events for the demo (seed 001): the invitation to the breakfast meeting of 2019-09-12,
/// the action-plan template "on the common platform", the introduction checklist, the "vägen in" document the working
/// group was writing, and the Inspirationsdag and the breakfast meeting with participants per organisation.
/// The texts and counts are invented from what the report describes.
/// </summary>
public sealed class DemoStructureDocuments(SamordnaDb db, TimeProvider clock)
{
    public async Task AddAsync(int associationId)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        db.StructureDocuments.AddRange(
            Document(associationId, DocumentKind.Invitation, "Inbjudan till frukostmöte Samverk Vetlanda", "Samverkanskoordinator Vetlanda", today.AddMonths(6), true,
                ["# Välkommen på frukostmöte!\n\nSamverk Vetlanda bjuder in handläggare och chefer hos kommunen, Region Jönköpings län, Försäkringskassan och Arbetsförmedlingen.\n\nDatum: 2019-09-12 kl. 7.45–9.30\nPlats: Folkets hus, Vetlanda\n\nTema: vägen in till varandras verksamheter.\n"]),
            Document(associationId, DocumentKind.ActionPlanTemplate, "Mall för handlingsplan vid samverksmöte", "Arbetsgruppen Samverk Vetlanda", today.AddDays(-20), false,
                ["# Handlingsplan\n\n1. Vad är målet för personen?\n2. Vem gör vad, och när?\n3. När följer vi upp?\n",
                 "# Handlingsplan vid samverksmöte\n\n1. Vad är målet för personen (med personens egna ord)?\n2. Vem gör vad, och när?\n3. Vem är kontaktperson hos varje part?\n4. När följer vi upp, och hur?\n"]),
            Document(associationId, DocumentKind.Checklist, "Checklista för introduktion av nya ledamöter", "Förbundschefen", today.AddYears(1), false,
                ["# Introduktion av nya ledamöter\n\n" + string.Join("\n", IntroductionChecklist.Items.Select(i => $"- [ ] {i.Text}")) + "\n"]),
            Document(associationId, DocumentKind.Guide, "Vägen in – kontaktvägar i Vetlanda", "Arbetsgruppen Samverk Vetlanda", today.AddMonths(3), true,
                ["# Vägen in\n\nVem du vänder dig till hos kommunen, vården, Försäkringskassan och Arbetsförmedlingen i Vetlanda. Se också förbundets öppna kontaktkatalog.\n"]));

        var rounds = await db.SurveyRounds.Where(r => r.AssociationId == associationId).Select(r => (int?)r.Id).FirstOrDefaultAsync();
        db.CollaborationEvents.AddRange(
            new CollaborationEvent
            {
                AssociationId = associationId, Kind = EventKind.InspirationDay, Title = "Höglandets samordningsförbund – Inspirationsdag!", HeldOn = new(2018, 10, 4),
                Place = "Eksjö", Organiser = "Samverkanskoordinatorerna", Description = "Information, inspiration och erfarenhetsutbyte mellan parterna (tidigare KUR-dag).",
                FollowUpOn = new(2019, 4, 4), FollowUpDoneOn = new(2019, 4, 9), FollowUpNote = "Lokala uppföljningsträffar hölls i alla kommunområden; mycket uppskattade.",
                SurveyRoundId = rounds,
                Participants = Counts(("Försäkringskassan", 14), ("Arbetsförmedlingen", 16), ("Region Jönköpings län", 19), ("Kommunerna", 31)),
            },
            new CollaborationEvent
            {
                AssociationId = associationId, Kind = EventKind.BreakfastMeeting, Title = "Frukostmöte Samverk Vetlanda", HeldOn = new(2019, 9, 12),
                Place = "Vetlanda", Organiser = "Samverkanskoordinator Vetlanda", FollowUpOn = new(2020, 3, 12),
                Participants = Counts(("Försäkringskassan", 6), ("Arbetsförmedlingen", 5), ("Region Jönköpings län", 7), ("Vetlanda kommun", 12)),
            });
        await db.SaveChangesAsync();
    }

    private static StructureDocument Document(int associationId, DocumentKind kind, string title, string owner, DateOnly reviewOn, bool isPublic, string[] versions)
    {
        var document = new StructureDocument { AssociationId = associationId, Kind = kind, Title = title, Owner = owner, ReviewOn = reviewOn, IsPublic = isPublic };
        for (var i = 0; i < versions.Length; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(versions[i]);
            document.Versions.Add(new StructureDocumentVersion
            {
                Version = i + 1, FileName = $"{Slug(title)}.md", ContentType = DocumentRules.ContentTypeOf("x.md"), Size = bytes.Length, Content = bytes, CreatedBy = "demo",
                CreatedAt = new DateTime(2019, 1, 15 + i, 9, 0, 0, DateTimeKind.Utc), Note = i == 0 ? null : "Reviderad av arbetsgruppen",
            });
        }
        return document;
    }

    private static List<EventParticipation> Counts(params (string Party, int Count)[] counts) =>
        counts.Select(c => new EventParticipation { Party = c.Party, Count = c.Count }).ToList();

    private static string Slug(string title) =>
        new string(title.ToLowerInvariant().Replace('å', 'a').Replace('ä', 'a').Replace('ö', 'o').Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
}

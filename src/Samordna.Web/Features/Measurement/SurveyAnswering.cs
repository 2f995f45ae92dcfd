using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Measurement;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Measurement;

/// <summary>An open personal link: the round, its instrument, the invited person's units and the saved draft.</summary>
public sealed record SurveySession(string TokenHash, int RoundId, Instrument Instrument, IReadOnlyDictionary<string, string> Units,
    IReadOnlyList<string> UnitChoices, Dictionary<string, string> Draft)
{
    public const string UnitsField = "__units";

    public static string CommentField(string field) => $"comment:{field}";

    /// <summary>Comments that hold an identity number, by question field: they are refused before anything is submitted.</summary>
    public IReadOnlyDictionary<string, string> CommentProblems(IEnumerable<FormQuestion> questions) =>
        questions.Where(q => Samordna.Core.Common.PersonalDataPatterns.IdentityNumbers(Draft.GetValueOrDefault(CommentField(q.Field))).Count > 0)
            .ToDictionary(q => q.Field, _ => "Kommentaren verkar innehålla ett personnummer eller samordningsnummer. Ta bort det: svaren ska inte kunna kopplas till någon person.");

    public IReadOnlyList<string> ChosenUnits =>
        Draft.TryGetValue(UnitsField, out var units) ? units.Split('|', StringSplitOptions.RemoveEmptyEntries) : [];
}

/// <summary>
/// Answering through a single-use link. Every step is saved as a draft, so nothing typed is lost if the browser
/// or the server stops; submitting writes the answer records, marks the invitation answered and removes its link
/// and draft in one transaction. The records carry no trace of the invitation: a fresh random respondent key
/// (to count persons) and the day only.
/// </summary>
public sealed class SurveyAnswering(TimeProvider clock, MeasurementOptions options, AnswerStore store, AnsweringRounds rounds)
{
    public async Task<(SurveySession? Session, string? Problem)> OpenAsync(string token)
    {
        var hash = Distribution.Hash(token ?? "");
        // One command for the link, its units and draft, and the round's revision: this runs on every page of
        // every respondent. What the round shows everyone comes from AnsweringRounds.
        var link = await store.FindLinkAsync(hash);
        if (link is null) return (null, "Länken är ogiltig eller redan använd. Varje länk kan användas en gång; kontakta den som skickade enkäten om du behöver en ny.");
        var round = await rounds.GetAsync(link.RoundId, link.RoundRevision);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        // A respondent kind's own period, where there is one, replaces the round's.
        var (opensOn, closesOn) = round.PeriodOf(link.Kind);
        if (opensOn is { } opens && today < opens) return (null, $"Enkäten öppnar {opens:yyyy-MM-dd}. Välkommen tillbaka då.");
        if (closesOn is { } closes && today > closes) return (null, $"Enkäten stängde {closes:yyyy-MM-dd}. Tack för ditt intresse.");

        return (new SurveySession(hash, round.Id, round.Instrument,
            link.Units.Concat(link.Kind is null ? [] : [KeyValuePair.Create(Distribution.KindAttribute, link.Kind)]).ToDictionary(),
            round.UnitChoices,
            link.Draft is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(link.Draft) ?? []), null);
    }

    /// <summary>Adds the posted answers to the draft and saves it.</summary>
    public async Task SaveDraftAsync(SurveySession session, IReadOnlyDictionary<string, string> posted)
    {
        foreach (var (field, value) in posted) session.Draft[field] = value;
        await store.SaveDraftAsync(session.RoundId, session.TokenHash, JsonSerializer.Serialize(session.Draft));
    }

    /// <summary>Writes the answers; false when the link was used meanwhile (a double click), and nothing is written twice.</summary>
    public async Task<bool> SubmitAsync(SurveySession session)
    {
        var instrument = session.Instrument;
        var respondentKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var screening = SurveyForm.Screening(instrument);
        var ended = SurveyForm.EndsSurvey(instrument, screening.ToDictionary(i => i.Code, i => Code(session, i, i.Code)));
        var perUnit = !ended && SurveyForm.HasPerUnitBlock(instrument);
        var units = perUnit && session.ChosenUnits.Count > 0 ? session.ChosenUnits.Select(u => (string?)u).ToList() : [null];

        // Register attributes shared by fewer people than the threshold would single a person out: not copied.
        // Only the respondent's own values are counted, each only up to the threshold and through the round's own
        // invitations, so a submission costs the same in a register of 100 as of 30,000 (a count of every value in
        // the table made each submission scan all of it; see docs/benchmarks.md, load).
        var copied = new List<KeyValuePair<string, string>>();
        foreach (var unit in session.Units)
            if (await store.SharedByAsync(session.RoundId, unit.Key, unit.Value, options.SuppressionThreshold)) copied.Add(unit);

        var records = new List<SurveyRecord>();
        foreach (var unit in units)
        {
            var record = new SurveyRecord
            {
                RoundId = session.RoundId, RespondentKey = respondentKey, SubmittedOn = today,
                Units = copied.Where(u => unit is null || u.Key != "municipality")
                    .Select(u => new SurveyRecordUnit { Attribute = u.Key, Value = u.Value })
                    .Concat(unit is null ? [] : [new SurveyRecordUnit { Attribute = "municipality", Value = unit }]).ToList(),
            };
            foreach (var item in screening) Add(record, item, Code(session, item, item.Code));
            if (!ended)
                foreach (var question in SurveyForm.Questions(instrument, unit is null ? [] : [unit]).Where(q => q.Unit == unit || q.Unit is null))
                {
                    Add(record, question.Item, Code(session, question.Item, question.Field));
                    // A comment on a question asked once is kept once, on the first record.
                    var comment = session.Draft.GetValueOrDefault(SurveySession.CommentField(question.Field))?.Trim();
                    if (!string.IsNullOrEmpty(comment) && (question.Unit is not null || unit == units[0]))
                        record.Comments.Add(new SurveyComment { ItemCode = question.Item.Code, Text = comment[..Math.Min(comment.Length, 2000)] });
                }
            records.Add(record);
        }
        return await store.SubmitAsync(session.TokenHash, records);
    }

    /// <summary>The saved answer to a field if it is valid on the item's scale; anything else counts as blank.</summary>
    private static string? Code(SurveySession session, Item item, string field)
    {
        if (!session.Draft.TryGetValue(field, out var raw) || string.IsNullOrWhiteSpace(raw)) return null;
        var scale = session.Instrument.ScaleOf(item);
        var codes = raw.Split('|', StringSplitOptions.RemoveEmptyEntries).Where(c => scale.Read(c).Kind is AnswerKind.Substantive or AnswerKind.NonSubstantive)
            .Distinct().Take(item.Kind == ItemKind.Multi ? int.MaxValue : 1).ToList(); // one answer to a single item, whatever is posted
        return codes.Count == 0 ? null : string.Join('|', codes);
    }

    private static void Add(SurveyRecord record, Item item, string? codes)
    {
        if (codes is null) { record.Answers.Add(new SurveyAnswer { ItemCode = item.Code, Value = null }); return; }
        foreach (var code in codes.Split('|')) record.Answers.Add(new SurveyAnswer { ItemCode = item.Code, Value = code });
    }
}

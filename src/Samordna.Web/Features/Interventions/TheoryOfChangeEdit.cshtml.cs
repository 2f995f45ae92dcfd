using Microsoft.AspNetCore.Mvc;
using Samordna.Core.Access;
using Samordna.Core.Common;
using Samordna.Core.Interventions;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Measurement;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Interventions;

/// <summary>Writes a new version of the theory of change, starting from the latest; older versions stay as they were.</summary>
[RequiresPermission(Permission.ManageInterventions)]
public sealed class TheoryOfChangeEditModel(InterventionQueries queries, CurrentGrants grants, TheoryOfChangeStore store, InstrumentBank bank)
    : InterventionPageModel(queries, grants)
{
    public sealed class ActivityRow
    {
        public string? Text { get; set; }
        public string? Delivery { get; set; }
        public string? Note { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(Note);
    }

    public sealed class OutcomeRow
    {
        /// <summary>The code the outcome was saved with (E1 …), carried through the form so it never changes.</summary>
        public string? Code { get; set; }
        public string? Text { get; set; }
        public string? Term { get; set; }
        public string? Level { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(Text);
    }

    public sealed class IndicatorRow
    {
        public string? Text { get; set; }
        public string? OutcomeCode { get; set; }
        public string? Source { get; set; }
        public string? Reference { get; set; }
        public string? Target { get; set; }
        public bool IsBlank => new[] { Text, OutcomeCode, Reference, Target }.All(string.IsNullOrWhiteSpace);
    }

    public override string Section => "theory";

    /// <summary>The version the form was filled from (0 when there was none), sent back with the form.</summary>
    [BindProperty] public int? BasedOn { get; set; }
    /// <summary>"instrument:item" of every item in the bank and the participant outcomes, offered as suggestions.</summary>
    public IReadOnlyList<(string Value, string Text)> References { get; private set; } = [];

    [BindProperty] public string? Problem { get; set; }
    [BindProperty] public List<string?> Resources { get; set; } = [];
    [BindProperty] public List<ActivityRow> Activities { get; set; } = [];
    [BindProperty] public List<OutcomeRow> Outcomes { get; set; } = [];
    [BindProperty] public List<string?> Mechanisms { get; set; } = [];
    [BindProperty] public List<IndicatorRow> Indicators { get; set; } = [];
    [BindProperty] public List<string?> ReviewDates { get; set; } = [];

    public async Task<IActionResult> OnGetAsync([FromRoute] int interventionId)
    {
        if (!await LoadEditorAsync(interventionId)) return NotFound();
        BasedOn = 0;
        if (await store.LatestAsync(interventionId) is { } latest)
        {
            var toc = latest.Content;
            BasedOn = latest.Version;
            Problem = toc.Problem;
            Resources = [.. toc.Resources];
            Activities = toc.Activities.Select(a => new ActivityRow { Text = a.Text, Delivery = a.Delivery.ToString(), Note = a.Note }).ToList();
            Outcomes = toc.Outcomes.Select(o => new OutcomeRow { Code = o.Code, Text = o.Text, Term = o.Term.ToString(), Level = o.Level.ToString() }).ToList();
            Mechanisms = [.. toc.Mechanisms];
            Indicators = toc.Indicators.Select(i => new IndicatorRow
                { Text = i.Text, OutcomeCode = i.OutcomeCode, Source = i.Source.ToString(), Reference = i.Reference, Target = FormReader.Show(i.Target) }).ToList();
            ReviewDates = toc.ReviewDates.Select(d => FormReader.Show(d)).ToList();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] int interventionId)
    {
        if (!await LoadEditorAsync(interventionId)) return NotFound();
        Resources = Resources.Where(r => !string.IsNullOrWhiteSpace(r)).ToList();
        Activities = Activities.Where(a => !a.IsBlank).ToList();
        Outcomes = Outcomes.Where(o => !o.IsBlank).ToList();
        Mechanisms = Mechanisms.Where(m => !string.IsNullOrWhiteSpace(m)).ToList();
        Indicators = Indicators.Where(i => !i.IsBlank).ToList();
        ReviewDates = ReviewDates.Where(d => !string.IsNullOrWhiteSpace(d)).ToList();

        var read = new FormReader();
        var toc = new TheoryOfChange(
            Problem?.Trim() ?? "",
            Resources.Select(r => r!.Trim()).ToList(),
            Activities.Select((a, i) => new ChangeActivity(a.Text?.Trim() ?? "", Choose<ActivityDelivery>(a.Delivery, $"activities[{i}].delivery", $"Aktivitet {i + 1}", read),
                SaveIntervention.Text(a.Note))).ToList(),
            Outcomes.Select((o, i) => new ChangeOutcome(o.Code ?? "", o.Text!.Trim(), Choose<OutcomeTerm>(o.Term, $"outcomes[{i}].term", $"Effekt {i + 1}", read),
                Choose<OutcomeLevel>(o.Level, $"outcomes[{i}].level", $"Effekt {i + 1}", read))).ToList(),
            Mechanisms.Select(m => m!.Trim()).ToList(),
            Indicators.Select((x, i) => new ChangeIndicator(x.Text?.Trim() ?? "", x.OutcomeCode?.Trim() ?? "",
                Choose<IndicatorSource>(x.Source, $"indicators[{i}].source", $"Indikator {i + 1}", read), SaveIntervention.Text(x.Reference),
                read.Number(x.Target, $"indicators[{i}].target", $"Indikator {i + 1}, målvärde"))).ToList(),
            ReviewDates.Select((d, i) => read.Date(d, $"reviewDates[{i}]", $"Översyn {i + 1}")).OfType<DateOnly>().ToList());
        return await SaveAsync(read, () => store.SaveAsync(interventionId, toc, BasedOn), s => $"Version {s.Version} av förändringsteorin sparades.",
            "theory-heading", then: $"/Interventions/{interventionId}/TheoryOfChange");
    }

    private async Task<bool> LoadEditorAsync(int interventionId)
    {
        if (!await LoadAsync(interventionId)) return false;
        References =
        [
            .. TheoryOfChangeRules.ParticipantOutcomes.Select(p => (p.Key, $"Deltagarutfall: {p.Value}")),
            .. (await bank.ListAsync()).SelectMany(i => i.Items.Select(item => ($"{i.Code}:{item.Code}", $"{i.Title}: {item.Wording}"))),
        ];
        return true;
    }

    /// <summary>A value of a select; only a hand-made request can send something else.</summary>
    private static T Choose<T>(string? value, string field, string row, FormReader read) where T : struct, Enum
    {
        if (Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)) return parsed;
        read.Errors.Add(new FieldError(field, $"{row}: välj ett av alternativen i listan."));
        return default;
    }

    public IEnumerable<string?> ResourcesWithEmpty => WithEmpty(Resources, () => null);
    public IEnumerable<ActivityRow> ActivitiesWithEmpty => WithEmpty(Activities, () => new ActivityRow());
    public IEnumerable<OutcomeRow> OutcomesWithEmpty => WithEmpty(Outcomes, () => new OutcomeRow());
    public IEnumerable<string?> MechanismsWithEmpty => WithEmpty(Mechanisms, () => null);
    public IEnumerable<IndicatorRow> IndicatorsWithEmpty => WithEmpty(Indicators, () => new IndicatorRow());
    public IEnumerable<string?> ReviewDatesWithEmpty => WithEmpty(ReviewDates, () => null);

    public static IReadOnlyList<Choice> Choices<T>(Func<T, string> swedish) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new Choice(v.ToString(), swedish(v))).ToList();
}

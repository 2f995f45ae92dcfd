using Samordna.Core.Interventions;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Interventions;

/// <summary>The decision form as typed: a move to one of the statuses the life cycle allows next, or a log entry.</summary>
public sealed class DecisionForm
{
    /// <summary>The choice for a decision that does not change the status (e.g. the steering group adopts the plan).</summary>
    public const string LogEntry = "logg";

    public string? To { get; set; }
    public string? DecidedOn { get; set; }
    public string? DecidedBy { get; set; }
    public string? MinutesReference { get; set; }
    public string? Note { get; set; }
    public string? TakenOverBy { get; set; }
    /// <summary>"ja", "nej" or blank.</summary>
    public string? MoneyRepaid { get; set; }
    public string? RepaidAmount { get; set; }
    public string? EndReason { get; set; }

    public static DecisionForm For(InterventionStatus status, DateOnly today) => new()
    {
        To = LifeCycle.NextFrom(status).Select(s => s.ToString()).FirstOrDefault() ?? LogEntry,
        DecidedOn = FormReader.Show(today),
    };

    public static IReadOnlyList<Choice> Choices(InterventionStatus status) =>
    [
        .. LifeCycle.NextFrom(status).Select(s => new Choice(s.ToString(), $"{InterventionStatusNames.Swedish(s)} (ny status)")),
        new(LogEntry, "Annat beslut (logg, ändrar inte status)"),
    ];

    public DecisionRequest ToRequest(FormReader read) => new(
        To == LogEntry ? null : To, read.Date(DecidedOn, "decidedOn", "Beslutsdatum"), DecidedBy, MinutesReference, Note, TakenOverBy,
        MoneyRepaid switch { "ja" => true, "nej" => false, _ => null }, read.Number(RepaidAmount, "repaidAmount", "Återbetalt belopp"), EndReason);
}

/// <summary>What the _DecisionForm partial draws: on the intervention page empty, on the decision page with errors.</summary>
public sealed record DecisionFormView(FormPageModel Page, int InterventionId, InterventionStatus Status, DecisionForm Form);

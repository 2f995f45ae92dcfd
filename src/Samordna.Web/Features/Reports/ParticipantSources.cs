using Samordna.Core.Interventions;

namespace Samordna.Web.Features.Reports;

/// <summary>Where a report's number of participants comes from, stated next to it so that it can be traced.</summary>
public enum ParticipantSource { FollowUp, TypedCount, None }

/// <summary>A budget year's participants with their source (the socio-economic calculation lists them).</summary>
public sealed record ParticipantYear(int Year, int? Participants, ParticipantSource Source);

public static class ParticipantSources
{
    /// <summary>
    /// A year's participants and their source: counted from the episodes where the intervention registers them and the
    /// year has any (<see cref="BudgetRules.UsesCountedParticipants"/>, as the portfolio and budget count), else the
    /// typed count of its budget year.
    /// </summary>
    public static (ParticipantSource Source, int? Participants) Of(MeasurementMethod method, int? counted, int? typed) =>
        BudgetRules.UsesCountedParticipants(method, counted) ? (ParticipantSource.FollowUp, counted)
        : typed is not null ? (ParticipantSource.TypedCount, typed) : (ParticipantSource.None, null);

    public static string Swedish(ParticipantSource source) => source switch
    {
        ParticipantSource.FollowUp => "Deltagaruppföljning",
        ParticipantSource.TypedCount => "Registrerat antal",
        _ => "Uppgift saknas",
    };
}

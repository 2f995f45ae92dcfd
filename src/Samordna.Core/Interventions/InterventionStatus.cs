namespace Samordna.Core.Interventions;

/// <summary>Where an intervention is in its life, from idea to what became of it.</summary>
public enum InterventionStatus
{
    Idea,
    Application,
    PreStudy,
    Decided,
    Running,
    Ended,
    Implemented,
    TakenOver,
    Rewritten,
    Stopped,
    Rejected,
}

public static class InterventionStatusNames
{
    public static string Swedish(InterventionStatus status) => status switch
    {
        InterventionStatus.Idea => "Idé",
        InterventionStatus.Application => "Ansökan",
        InterventionStatus.PreStudy => "Förstudie",
        InterventionStatus.Decided => "Beslutad",
        InterventionStatus.Running => "Pågående",
        InterventionStatus.Ended => "Avslutad",
        InterventionStatus.Implemented => "Implementerad",
        InterventionStatus.TakenOver => "Övertagen av part",
        InterventionStatus.Rewritten => "Omskriven",
        InterventionStatus.Stopped => "Avbruten",
        InterventionStatus.Rejected => "Avslagen",
        _ => status.ToString(),
    };

    public static InterventionStatus? Parse(string? text) => InterventionNames.Parse<InterventionStatus>(text, Swedish);
}

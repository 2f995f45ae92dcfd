using Samordna.Core.Interventions;
using Samordna.Web.Data;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Interventions;

/// <summary>The intervention form as typed: text as text, lists one per line, so a refused form comes back unchanged.</summary>
public sealed class InterventionForm
{
    /// <summary>Empty rows offered after the filled ones, for adding perspectives without script.</summary>
    public const int EmptyRows = 3;

    public sealed class PerspectiveRow
    {
        public string? Perspective { get; set; }
        public string? Text { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(Perspective) && string.IsNullOrWhiteSpace(Text);
    }

    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? MeasurementMethod { get; set; }
    public string? FormerNames { get; set; }
    public string? Orientation { get; set; }
    public string? TargetAgeFrom { get; set; }
    public string? TargetAgeTo { get; set; }
    public string? TargetResidence { get; set; }
    public string? TargetCriteria { get; set; }
    public string? OwnerParty { get; set; }
    public string? CoOwners { get; set; }
    public string? ParticipatingParties { get; set; }
    public List<string> MunicipalityCodes { get; set; } = [];
    public string? ProjectLead { get; set; }
    public string? StartDate { get; set; }
    public string? PlannedEndDate { get; set; }
    public string? PredecessorId { get; set; }
    public string? SuccessorNote { get; set; }
    public string? FundingSources { get; set; }
    public string? EvaluationPlan { get; set; }
    public string? ApplicationSubmittedOn { get; set; }
    public List<PerspectiveRow> Perspectives { get; set; } = [];
    /// <summary>The revision the form was opened on; a save on an older one is refused rather than overwriting.</summary>
    public int? Revision { get; set; }

    public static InterventionForm From(Intervention i) => new()
    {
        Name = i.Name, Kind = i.Kind.ToString(), MeasurementMethod = i.MeasurementMethod.ToString(), FormerNames = i.FormerNames,
        Orientation = i.Orientation, TargetAgeFrom = i.TargetAgeFrom?.ToString(), TargetAgeTo = i.TargetAgeTo?.ToString(),
        TargetResidence = i.TargetResidence, TargetCriteria = i.TargetCriteria, OwnerParty = i.OwnerParty, CoOwners = i.CoOwners,
        ParticipatingParties = i.ParticipatingParties, MunicipalityCodes = InterventionQueries.CodesOf(i).ToList(), ProjectLead = i.ProjectLead,
        StartDate = FormReader.Show(i.StartDate), PlannedEndDate = FormReader.Show(i.PlannedEndDate), PredecessorId = i.PredecessorId?.ToString(),
        SuccessorNote = i.SuccessorNote, FundingSources = i.FundingSources, EvaluationPlan = i.EvaluationPlan,
        ApplicationSubmittedOn = FormReader.Show(i.ApplicationSubmittedOn),
        Perspectives = i.Perspectives.OrderBy(p => p.Id).Select(p => new PerspectiveRow { Perspective = p.Perspective, Text = p.Text }).ToList(),
        Revision = i.Revision,
    };

    /// <summary>Blank perspective rows left out, so row numbers in errors match the rows shown again.</summary>
    public void DropBlankRows() => Perspectives = Perspectives.Where(p => !p.IsBlank).ToList();

    public IEnumerable<PerspectiveRow> RowsWithEmpty => InterventionPageModel.WithEmpty(Perspectives, () => new PerspectiveRow());

    public InterventionInput ToInput(FormReader read) => new(
        Name, Kind, MeasurementMethod, SaveIntervention.SplitLines(FormerNames), Orientation,
        read.Whole(TargetAgeFrom, "targetAgeFrom", "Lägsta ålder"), read.Whole(TargetAgeTo, "targetAgeTo", "Högsta ålder"),
        TargetResidence, TargetCriteria, OwnerParty, SaveIntervention.SplitLines(CoOwners), SaveIntervention.SplitLines(ParticipatingParties), MunicipalityCodes,
        ProjectLead, read.Date(StartDate, "startDate", "Start"), read.Date(PlannedEndDate, "plannedEndDate", "Planerat slut"),
        read.Whole(PredecessorId, "predecessorId", "Föregångare"), SuccessorNote, SaveIntervention.SplitLines(FundingSources), EvaluationPlan,
        read.Date(ApplicationSubmittedOn, "applicationSubmittedOn", "Ansökan inlämnad"),
        Perspectives.Select(p => new PerspectiveInput(p.Perspective, p.Text)).ToList(), Revision);
}

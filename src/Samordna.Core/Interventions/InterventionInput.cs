using Samordna.Core.Common;

namespace Samordna.Core.Interventions;

/// <summary>An intervention's descriptive fields as a form or the API sends them: text as typed, lists as lists.</summary>
public sealed record InterventionInput(
    string? Name,
    string? Kind,
    string? MeasurementMethod,
    IReadOnlyList<string>? FormerNames = null,
    string? Orientation = null,
    int? TargetAgeFrom = null,
    int? TargetAgeTo = null,
    string? TargetResidence = null,
    string? TargetCriteria = null,
    string? OwnerParty = null,
    IReadOnlyList<string>? CoOwners = null,
    IReadOnlyList<string>? ParticipatingParties = null,
    IReadOnlyList<string>? MunicipalityCodes = null,
    string? ProjectLead = null,
    DateOnly? StartDate = null,
    DateOnly? PlannedEndDate = null,
    int? PredecessorId = null,
    string? SuccessorNote = null,
    IReadOnlyList<string>? FundingSources = null,
    string? EvaluationPlan = null,
    DateOnly? ApplicationSubmittedOn = null,
    IReadOnlyList<PerspectiveInput>? Perspectives = null,
    int? Revision = null)
{
    /// <summary>JSON may carry null entries in any list; they are dropped here, once, before any rule reads them.</summary>
    public InterventionInput Normalised() => this with
    {
        FormerNames = NullFree.Of(FormerNames), CoOwners = NullFree.Of(CoOwners), ParticipatingParties = NullFree.Of(ParticipatingParties),
        MunicipalityCodes = NullFree.Of(MunicipalityCodes), FundingSources = NullFree.Of(FundingSources), Perspectives = NullFree.Of(Perspectives),
    };
}

/// <summary>One perspective of the problem analysis: "Målgruppen", "Verksamheterna", or a party's name.</summary>
public sealed record PerspectiveInput(string? Perspective, string? Text);

/// <summary>The fields after checking, with kind and method parsed.</summary>
public sealed record CheckedIntervention(InterventionInput Input, InterventionKind Kind, MeasurementMethod Method);

/// <summary>What the checks need to know besides the input: the association's municipalities and the current record.</summary>
public sealed record InterventionContext(
    IReadOnlySet<string> AssociationMunicipalities,
    InterventionStatus? CurrentStatus = null,
    InterventionKind? CurrentKind = null,
    MeasurementMethod? CurrentMethod = null);

public static class InterventionFieldRules
{
    /// <summary>
    /// Ages are checked for sense only: Finsam is for working age, but associations also fund services for the young
    /// (Maria Skåne Sydost: 0–25 and their relatives, seed 002), so the range itself is the association's decision.
    /// </summary>
    public const int YoungestAge = 0, OldestAge = 100;

    public static Result<CheckedIntervention> Check(InterventionInput input, InterventionContext context)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add(new("name", "Ange insatsens namn."));
        else if (input.Name.Trim().Length > 200) errors.Add(new("name", "Namnet får vara högst 200 tecken."));

        var kind = InterventionNames.Parse<InterventionKind>(input.Kind, InterventionNames.Swedish);
        if (kind is null)
            errors.Add(new("kind", $"Ange insatstyp: {Choices<InterventionKind>(InterventionNames.Swedish)}. En insats som är båda registreras som två."));
        var method = InterventionNames.Parse<MeasurementMethod>(input.MeasurementMethod, InterventionNames.Swedish);
        if (method is null)
            errors.Add(new("measurementMethod", $"Ange mätmetod: {Choices<MeasurementMethod>(InterventionNames.Swedish)}."));
        if (kind == InterventionKind.Structural && method is not null and not MeasurementMethod.None)
            errors.Add(new("measurementMethod", "En strukturövergripande insats har inga deltagare. Välj Ingen deltagaruppföljning, eller registrera den individinriktade delen som en egen insats."));
        if (kind == InterventionKind.IndividualFocused && method == MeasurementMethod.None)
            errors.Add(new("measurementMethod", "En individinriktad insats följer upp sina deltagare. Välj deltagare med personuppgifter, anonyma deltagare eller endast antal."));

        if (context.CurrentStatus is { } status && LifeCycle.FixedFieldsLocked(status))
        {
            if (kind is not null && kind != context.CurrentKind)
                errors.Add(new("kind", $"Insatstypen låstes när styrelsen beslutade ({InterventionNames.Swedish(context.CurrentKind!.Value)}). Registrera en ny insats i stället."));
            if (method is not null && method != context.CurrentMethod)
                errors.Add(new("measurementMethod", $"Mätmetoden låstes när styrelsen beslutade ({InterventionNames.Swedish(context.CurrentMethod!.Value)})."));
        }

        if (input.TargetAgeFrom is { } from && (from < YoungestAge || from > OldestAge))
            errors.Add(new("targetAgeFrom", $"Lägsta ålder ska vara {YoungestAge}–{OldestAge} år."));
        if (input.TargetAgeTo is { } to && (to < YoungestAge || to > OldestAge))
            errors.Add(new("targetAgeTo", $"Högsta ålder ska vara {YoungestAge}–{OldestAge} år."));
        if (input.TargetAgeFrom > input.TargetAgeTo)
            errors.Add(new("targetAgeTo", $"Högsta ålder ({input.TargetAgeTo}) är lägre än lägsta ({input.TargetAgeFrom})."));
        if (input.StartDate is { } start && input.PlannedEndDate is { } end && end < start)
            errors.Add(new("plannedEndDate", $"Planerat slut {end:yyyy-MM-dd} ligger före start {start:yyyy-MM-dd}."));

        foreach (var code in input.MunicipalityCodes ?? [])
            if (!context.AssociationMunicipalities.Contains(code.Trim()))
                errors.Add(new("municipalityCodes", $"Kommunkoden {code} hör inte till förbundets medlemmar ({string.Join(", ", context.AssociationMunicipalities.Order())})."));

        errors.AddRange(NoPersonalData([("orientation", "Inriktningen", input.Orientation), ("targetCriteria", "Målgruppens kriterier", input.TargetCriteria),
            ("evaluationPlan", "Utvärderingsplanen", input.EvaluationPlan), ("successorNote", "Fortsättningen", input.SuccessorNote),
            .. (input.Perspectives ?? []).Select((p, i) => ($"perspectives[{i}]", $"Perspektiv {i + 1}", p.Text))]));
        var perspectives = input.Perspectives ?? [];
        for (var i = 0; i < perspectives.Count; i++)
        {
            var p = perspectives[i];
            if (string.IsNullOrWhiteSpace(p.Perspective) != string.IsNullOrWhiteSpace(p.Text))
                errors.Add(new($"perspectives[{i}]", $"Perspektiv {i + 1}: ange både vems perspektiv och själva analysen."));
        }
        return errors.Count > 0
            ? Result<CheckedIntervention>.Fail(errors)
            : Result<CheckedIntervention>.Ok(new CheckedIntervention(input, kind!.Value, method!.Value));
    }

    /// <summary>An intervention is described, decided and evaluated without naming a participant.</summary>
    public static IReadOnlyList<FieldError> NoPersonalData(IEnumerable<(string Field, string Label, string? Text)> fields) =>
        PersonalDataPatterns.CheckFields(fields, "Insatsens uppgifter läses av hela förbundet och får inte peka ut en deltagare.");

    private static string Choices<T>(Func<T, string> swedish) where T : struct, Enum =>
        string.Join(", ", Enum.GetValues<T>().Select(v => $"{swedish(v)} ({v})"));
}

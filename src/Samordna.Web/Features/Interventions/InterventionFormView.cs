using Samordna.Core.Associations;
using Samordna.Core.Interventions;
using Samordna.Web.Data;
using Samordna.Web.Features.Shared;

namespace Samordna.Web.Features.Interventions;

/// <summary>What the _InterventionFields partial draws, for a new intervention and for an edit.</summary>
public sealed record InterventionFormView(FormPageModel Page, InterventionForm Form, Association Association,
    IReadOnlyList<(int Id, string Name)> Others, InterventionStatus? Status)
{
    /// <summary>After the board's decision kind and measurement method are fixed (the rule is Core's).</summary>
    public bool Locked => Status is { } s && LifeCycle.FixedFieldsLocked(s);

    public IReadOnlyList<Choice> KindChoices => Enum.GetValues<InterventionKind>().Select(k => new Choice(k.ToString(), InterventionNames.Swedish(k),
        k == InterventionKind.IndividualFocused ? "Med deltagare." : "Utbildningar, forum, samordnare, metoder: inga deltagare.")).ToList();

    public IReadOnlyList<Choice> MethodChoices => Enum.GetValues<MeasurementMethod>().Select(m => new Choice(m.ToString(), InterventionNames.Swedish(m))).ToList();

    public IReadOnlyList<Choice> MunicipalityChoices => Association.Members.Where(m => m.Kind == MemberPartyKind.Municipality)
        .OrderBy(m => m.Name).Select(m => new Choice(m.MunicipalityCode!, m.Name)).ToList();

    public IReadOnlyList<Choice> PredecessorChoices => [new("", "Ingen"), .. Others.Select(o => new Choice(o.Id.ToString(), o.Name))];

}

using Samordna.Core.Interventions;

namespace Samordna.Core.Tests;

public sealed class TheoryOfChangeTests
{
    private static bool KnownItem(string instrument, string item) => instrument == "spindeln" && item == "S1";

    private static TheoryOfChange Sample(params ChangeIndicator[] indicators) => new(
        "Unga med psykisk ohälsa faller mellan myndigheterna",
        ["Två handläggare från FK och kommunen"],
        [new("Gemensam kartläggning", ActivityDelivery.Delivered), new("Arbetsgivarnätverk", ActivityDelivery.NotDelivered), new("Studiebesök", ActivityDelivery.Planned)],
        TheoryOfChangeRules.Number([new("", "Samsyn mellan parterna", OutcomeTerm.Short, OutcomeLevel.Collaboration), new("", "35 % i arbete eller studier", OutcomeTerm.Long, OutcomeLevel.Participant)]),
        ["Samlokalisering ger snabba kontakter"],
        indicators,
        [new DateOnly(2019, 6, 1), new DateOnly(2019, 12, 1)]);

    [Fact]
    public void A_sound_theory_with_linked_indicators_is_accepted()
    {
        var toc = Sample(new("Samsyn enligt Spindeln", "E1", IndicatorSource.SurveyItem, "spindeln:S1", 3),
                         new("I arbete eller studier vid avslut", "E2", IndicatorSource.ParticipantOutcome, "work-or-studies-at-exit", 35));
        Assert.Empty(TheoryOfChangeRules.Validate(toc, KnownItem));
        Assert.Equal(["E1", "E2"], toc.Outcomes.Select(o => o.Code));
    }

    [Fact]
    public void Indicators_must_point_at_an_outcome_and_at_something_that_exists()
    {
        var toc = Sample(new("Okänd effekt", "E9", IndicatorSource.Manual, null, null),
                         new("Fel fråga", "E1", IndicatorSource.SurveyItem, "spindeln:S99", null),
                         new("Fel utfall", "E2", IndicatorSource.ParticipantOutcome, "lycka", null));
        var errors = TheoryOfChangeRules.Validate(toc, KnownItem);
        Assert.Equal(["indicators[0].outcomeCode", "indicators[1].reference", "indicators[2].reference"], errors.Select(e => e.Field));
        Assert.Contains("E1, E2", errors[0].Message);
        Assert.Contains("spindeln:S99", errors[1].Message);
    }

    [Fact]
    public void Undelivered_activities_stay_visible_and_planned_ones_count_once_the_intervention_ended()
    {
        var toc = Sample();
        Assert.Equal(["Arbetsgivarnätverk"], toc.Undelivered(interventionEnded: false).Select(a => a.Text));
        Assert.Equal(["Arbetsgivarnätverk", "Studiebesök"], toc.Undelivered(interventionEnded: true).Select(a => a.Text));
    }

    [Fact]
    public void The_next_review_is_the_first_date_not_yet_passed()
    {
        Assert.Equal(new DateOnly(2019, 12, 1), Sample().NextReview(new DateOnly(2019, 6, 2)));
        Assert.Null(Sample().NextReview(new DateOnly(2020, 1, 1)));
    }

    [Fact]
    public void Outcomes_keep_their_codes_so_indicators_never_move_to_another_outcome()
    {
        var numbered = TheoryOfChangeRules.Number([
            new("e3", "Tidigare tredje", OutcomeTerm.Long, OutcomeLevel.Participant),
            new("", "Ny", OutcomeTerm.Short, OutcomeLevel.Collaboration),
            new("E3", "Dubblett", OutcomeTerm.Short, OutcomeLevel.Collaboration),
        ]);
        Assert.Equal(["E3", "E4", "E5"], numbered.Select(o => o.Code));
    }

    [Fact]
    public void A_theory_sent_with_missing_or_null_lists_is_read_as_empty()
    {
        var broken = new TheoryOfChange("Problem", null!, [null!], null!, null!, null!, null!);
        var clean = broken.Normalised();
        Assert.Empty(clean.Activities);
        Assert.Empty(TheoryOfChangeRules.Validate(clean, (_, _) => false));
    }

    [Fact]
    public void A_theory_without_a_problem_is_refused() =>
        Assert.Equal("problem", Assert.Single(TheoryOfChangeRules.Validate(TheoryOfChange.Empty, KnownItem)).Field);
}

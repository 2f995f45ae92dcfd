using Samordna.Core.Common;

namespace Samordna.Core.Reports;

public enum Payer { State, Region, Municipality }

/// <summary>
/// What one person-year outside work costs a payer: financial costs are transfers (benefits paid, tax not received);
/// real costs are resources used (care, caseworkers' time) and production lost. Society's real account counts only
/// the real part; each payer's financial account counts both.
/// </summary>
public sealed record PayerCost(Payer Payer, decimal Financial, decimal Real)
{
    public decimal Total => Financial + Real;
}

/// <summary>The parameters of a socio-economic calculation of an intervention (samhällsekonomisk kalkyl).</summary>
/// <param name="SuccessRate">share of participants who leave exclusion (e.g. 0.35 in work or studies).</param>
/// <param name="BaselineRate">share who would have done so anyway (e.g. 0.06 in ordinary services): only the difference counts.</param>
/// <param name="Persistence">share of the effect left each following year (1 = lasts the whole horizon).</param>
public sealed record SocioEconomicInput(
    int Participants, decimal SuccessRate, decimal BaselineRate, IReadOnlyList<PayerCost> CostPerPersonYear,
    int HorizonYears, decimal DiscountRate, decimal Persistence, decimal InterventionCost);

public sealed record PayerResult(Payer Payer, decimal Financial, decimal Real);

public sealed record SocioEconomicResult(
    decimal NetSuccesses, IReadOnlyList<PayerResult> PresentValueByPayer, decimal PresentValueFinancial, decimal PresentValueReal,
    decimal PresentValueTotal, decimal NetOfCost, decimal? ReturnPerKrona, decimal? BreakEvenSuccessRate);

/// <summary>One row of the sensitivity table: the net result when one parameter is changed.</summary>
public sealed record SensitivityRow(string Parameter, string Value, decimal PresentValueTotal, decimal NetOfCost);

/// <summary>
/// Present value of the costs an intervention avoids: (success − baseline) × participants people, each avoiding the
/// cost of a person-year outside work for every year of the horizon (reduced by persistence), discounted at the end
/// of each year: PV = Σ_{t=1..H} n · c · p^(t−1) / (1 + r)^t. Sources of the defaults in <see cref="Defaults"/>.
/// </summary>
public static class SocioEconomicCalculation
{
    public static class Defaults
    {
        /// <summary>Seed 003 (Huddinge): "en person i bidragsberoende kostar cirka 500 000 kr/år".</summary>
        public const decimal CostPerPersonYear = 500_000m;

        /// <summary>GUIDE §5: ≈ 437,500 SEK per person-year in a Jönköping county calculation; offered as the alternative.</summary>
        public const decimal CostPerPersonYearJonkoping = 437_500m;

        /// <summary>Seed 003: about 6 % return to work in ordinary services (the control group).</summary>
        public const decimal BaselineRate = 0.06m;

        /// <summary>Seed 003: "35 % ut i arbete är vår målbild".</summary>
        public const decimal SuccessRate = 0.35m;

        /// <summary>Trafikverket's ASEK real discount rate for public investment (3.5 %); not from the seeds.</summary>
        public const decimal DiscountRate = 0.035m;

        public const int HorizonYears = 5;

        /// <summary>
        /// The seeds give no split by payer or into real and financial costs. Until the association enters its own,
        /// the default splits the cost as Finsam's money is split (state ½, region ¼, municipalities ¼, GUIDE §1) and half
        /// of it as financial: an assumption, labelled as such wherever it is shown.
        /// </summary>
        public static IReadOnlyList<PayerCost> CostSplit(decimal perPersonYear) =>
        [
            new(Payer.State, perPersonYear * 0.5m * 0.5m, perPersonYear * 0.5m * 0.5m),
            new(Payer.Region, perPersonYear * 0.25m * 0.5m, perPersonYear * 0.25m * 0.5m),
            new(Payer.Municipality, perPersonYear * 0.25m * 0.5m, perPersonYear * 0.25m * 0.5m),
        ];
    }

    public static IReadOnlyList<FieldError> Validate(SocioEconomicInput input)
    {
        var errors = new List<FieldError>();
        if (input.Participants < 0) errors.Add(new("participants", "Antal deltagare kan inte vara negativt."));
        if (input.SuccessRate is < 0 or > 1) errors.Add(new("successRate", "Andelen som lyckas ska vara mellan 0 och 100 %."));
        if (input.BaselineRate is < 0 or > 1) errors.Add(new("baselineRate", "Jämförelseandelen ska vara mellan 0 och 100 %."));
        if (input.HorizonYears is < 1 or > 40) errors.Add(new("horizonYears", "Tidshorisonten ska vara 1–40 år."));
        if (input.DiscountRate is < 0 or > 0.2m) errors.Add(new("discountRate", "Kalkylräntan ska vara 0–20 %."));
        if (input.Persistence is < 0 or > 1) errors.Add(new("persistence", "Kvarstående effekt per år ska vara mellan 0 och 100 %."));
        if (input.InterventionCost < 0) errors.Add(new("interventionCost", "Insatsens kostnad kan inte vara negativ."));
        if (input.CostPerPersonYear.Any(c => c.Financial < 0 || c.Real < 0)) errors.Add(new("costPerPersonYear", "Kostnaderna per person och år kan inte vara negativa."));
        if (input.CostPerPersonYear.GroupBy(c => c.Payer).Any(g => g.Count() > 1)) errors.Add(new("costPerPersonYear", "Ange varje betalare en gång."));
        return errors;
    }

    public static SocioEconomicResult Calculate(SocioEconomicInput input)
    {
        var netSuccesses = input.Participants * Math.Max(0, input.SuccessRate - input.BaselineRate);
        var factor = PresentValueFactor(input.HorizonYears, input.DiscountRate, input.Persistence);
        var byPayer = input.CostPerPersonYear
            .Select(c => new PayerResult(c.Payer, Round(netSuccesses * c.Financial * factor), Round(netSuccesses * c.Real * factor))).ToList();
        var financial = byPayer.Sum(p => p.Financial);
        var real = byPayer.Sum(p => p.Real);
        var total = financial + real;
        var perSuccess = input.CostPerPersonYear.Sum(c => c.Total) * factor;
        decimal? breakEven = input.Participants > 0 && perSuccess > 0
            ? Math.Min(1, input.BaselineRate + input.InterventionCost / (perSuccess * input.Participants))
            : null;
        return new SocioEconomicResult(netSuccesses, byPayer, financial, real, total, total - input.InterventionCost,
            input.InterventionCost > 0 ? decimal.Round(total / input.InterventionCost, 2) : null,
            breakEven is { } b ? decimal.Round(b, 4) : null);
    }

    /// <summary>Σ_{t=1..H} p^(t−1) / (1 + r)^t: what one person-year per year over the horizon is worth today.</summary>
    public static decimal PresentValueFactor(int horizonYears, decimal discountRate, decimal persistence)
    {
        decimal sum = 0, remaining = 1, discount = 1;
        for (var t = 1; t <= horizonYears; t++)
        {
            discount /= 1 + discountRate;
            sum += remaining * discount;
            remaining *= persistence;
        }
        return sum;
    }

    /// <summary>The net result with one parameter moved at a time: success rate, baseline, horizon, discount rate, cost per person-year.</summary>
    public static IReadOnlyList<SensitivityRow> Sensitivity(SocioEconomicInput input)
    {
        var rows = new List<SensitivityRow>();
        void Add(string parameter, string value, SocioEconomicInput changed)
        {
            var r = Calculate(changed);
            rows.Add(new(parameter, value, r.PresentValueTotal, r.NetOfCost));
        }
        foreach (var delta in new[] { -0.10m, -0.05m, 0m, 0.05m, 0.10m })
            Add("Andel som lyckas", Percent(Math.Clamp(input.SuccessRate + delta, 0, 1)), input with { SuccessRate = Math.Clamp(input.SuccessRate + delta, 0, 1) });
        foreach (var baseline in new[] { 0m, input.BaselineRate, Math.Min(1, input.BaselineRate * 2) }.Distinct())
            Add("Jämförelseandel", Percent(baseline), input with { BaselineRate = baseline });
        foreach (var horizon in new[] { 1, 3, 5, 10 })
            Add("Tidshorisont", $"{horizon} år", input with { HorizonYears = horizon });
        foreach (var rate in new[] { 0m, 0.035m, 0.05m })
            Add("Kalkylränta", Percent(rate), input with { DiscountRate = rate });
        foreach (var scale in new[] { 0.5m, 0.875m, 1m })
            Add("Kostnad per personår", $"{scale * 100:0.#} % av angiven", input with
            {
                CostPerPersonYear = input.CostPerPersonYear.Select(c => c with { Financial = c.Financial * scale, Real = c.Real * scale }).ToList(),
            });
        return rows;
    }

    public static string Swedish(Payer payer) => payer switch
    {
        Payer.State => "Staten (FK, AF)",
        Payer.Region => "Regionen",
        _ => "Kommunen",
    };

    private static string Percent(decimal share) => $"{share * 100:0.#} %";

    private static decimal Round(decimal amount) => decimal.Round(amount, 0);
}

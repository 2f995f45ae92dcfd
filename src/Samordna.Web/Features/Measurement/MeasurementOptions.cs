using Samordna.Core.Measurement;
using Samordna.Web.Data;

namespace Samordna.Web.Features.Measurement;

/// <summary>The "Samordna:Measurement" section.</summary>
public sealed class MeasurementOptions
{
    /// <summary>Counts below this are hidden in every result and export. Default 5; never below 3.</summary>
    public int SuppressionThreshold { get; set; } = CellSuppression.DefaultThreshold;

    public static MeasurementOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection("Samordna:Measurement").Get<MeasurementOptions>() ?? new MeasurementOptions();
        if (options.SuppressionThreshold < CellSuppression.MinimumThreshold)
            throw new ConfigurationProblem($"Samordna:Measurement:SuppressionThreshold är {options.SuppressionThreshold}; gränsen för små tal får aldrig vara under {CellSuppression.MinimumThreshold}.");
        return options;
    }
}

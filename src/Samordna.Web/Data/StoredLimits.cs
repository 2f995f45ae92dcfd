using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Samordna.Core.Common;

namespace Samordna.Web.Data;

/// <summary>
/// The model's column limits (text length, decimal precision), checked before every save for every capability.
/// PostgreSQL refuses an over-long value with an error and SQLite would store it silently; both become one Swedish
/// answer naming the field instead, and nothing is written.
/// </summary>
public static class StoredLimits
{
    public static IReadOnlyList<FieldError> Check(ChangeTracker tracker)
    {
        var errors = new List<FieldError>();
        foreach (var entry in tracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            foreach (var property in entry.Properties)
            {
                var meta = property.Metadata;
                var field = JsonName(meta.Name);
                switch (property.CurrentValue)
                {
                    case string text when meta.GetMaxLength() is { } max && text.Length > max:
                        errors.Add(new(field, $"Fältet {field} får vara högst {max} tecken (det har {text.Length})."));
                        break;
                    case decimal number when meta.GetPrecision() is { } precision:
                        var scale = meta.GetScale() ?? 0;
                        var limit = (decimal)Math.Pow(10, precision - scale) - (decimal)Math.Pow(10, -scale);
                        if (Math.Abs(number) > limit)
                            errors.Add(new(field, $"Värdet i fältet {field} får vara högst {limit.ToString("#,0.##", CultureInfo.GetCultureInfo("sv-SE"))}."));
                        break;
                }
            }
        }
        return errors;
    }

    private static string JsonName(string property) => char.ToLowerInvariant(property[0]) + property[1..];
}

/// <summary>A save refused because a value does not fit its column; carries the Swedish field errors.</summary>
public sealed class StoredLimitException(IReadOnlyList<FieldError> errors)
    : Exception("Ett värde ryms inte i databasen: " + string.Join(" ", errors.Select(e => e.Message)))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}

using Microsoft.EntityFrameworkCore;
using Samordna.Core.Import;
using Samordna.Core.Reports;
using Samordna.Web.Data;
using Samordna.Web.Features.Measurement;

namespace Samordna.Web.Features.Reports;

/// <summary>Population per municipality and year: imported all or nothing; a re-imported year replaces the old figure.</summary>
public sealed class PopulationStore(SamordnaDb db)
{
    public async Task<ImportResult> ImportAsync(string fileName, byte[] bytes)
    {
        var (rows, errors) = FundingPerInhabitant.ReadPopulation(fileName, bytes);
        if (errors.Count > 0) return new ImportResult(0, errors);
        var years = rows.Select(r => r.Year).Distinct().ToList();
        var existing = await db.PopulationFigures.Where(p => years.Contains(p.Year)).ToListAsync();
        foreach (var row in rows)
        {
            var figure = existing.SingleOrDefault(p => p.MunicipalityCode == row.MunicipalityCode && p.Year == row.Year);
            if (figure is null) db.PopulationFigures.Add(new PopulationFigure { MunicipalityCode = row.MunicipalityCode, Year = row.Year, Population = row.Population });
            else figure.Population = row.Population;
        }
        await db.SaveChangesAsync();
        return new ImportResult(rows.Count, []);
    }

    public async Task<List<PopulationRow>> ForAsync(IReadOnlyCollection<string> codes, int year) =>
        (await db.PopulationFigures.AsNoTracking().Where(p => p.Year == year && codes.Contains(p.MunicipalityCode)).ToListAsync())
        .Select(p => new PopulationRow(p.MunicipalityCode, p.Year, p.Population)).ToList();
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Samordna.Core.Access;
using Samordna.Core.Import;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Measurement;

namespace Samordna.Web.Features.Reports;

/// <summary>SCB's population per municipality, shared by every association on the installation.</summary>
[RequiresPermission(Permission.AdministerInstallation)]
public sealed class PopulationModel(SamordnaDb db, PopulationStore store) : PageModel
{
    public sealed record YearSummary(int Year, int Municipalities, long Population);

    public ImportResult? Result { get; private set; }
    public List<YearSummary> Years { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task OnPostAsync(IFormFile? file)
    {
        if (file is null || file.Length == 0)
            Result = new ImportResult(0, [new ImportError(1, "", "Välj en fil att läsa in.")]);
        else
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            Result = await store.ImportAsync(file.FileName, buffer.ToArray());
        }
        if (Result.Errors.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync();
    }

    private async Task LoadAsync() =>
        Years = (await db.PopulationFigures.AsNoTracking().GroupBy(p => p.Year)
            .Select(g => new { Year = g.Key, Count = g.Count(), Sum = g.Sum(p => p.Population) }).ToListAsync())
            .OrderByDescending(y => y.Year).Select(y => new YearSummary(y.Year, y.Count, y.Sum)).ToList();
}

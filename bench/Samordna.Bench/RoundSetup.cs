using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Samordna.Web.Features.Associations;
using Samordna.Web.Features.Measurement;

namespace Samordna.Bench;

/// <summary>
/// A survey round ready to answer, made through the application's own handlers: an association (organisation
/// number from the nine digits given) with its member municipalities, a round of the instrument, the register
/// imported from CSV, and one personal link per person, returned in register order.
/// </summary>
public static class RoundSetup
{
    public static async Task<(int Round, List<string> Links)> PrepareAsync(IServiceProvider services, string address, string name,
        string organisationBody, string instrument, string[] municipalities, string register)
    {
        var association = (await services.GetRequiredService<CreateAssociation>().HandleAsync(new(
            name, $"{organisationBody[..6]}-{organisationBody[6..]}{Samordna.Core.Associations.Luhn.CheckDigit(organisationBody)}", "2016-01-01",
            [.. municipalities.Select(m => m[..2]).Distinct()], [.. municipalities]))).Value!;
        var round = (await services.GetRequiredService<CreateRound>().HandleAsync(association.Id, new(instrument, name, null))).Value!.Id;
        var distribution = services.GetRequiredService<Distribution>();
        var imported = await distribution.ImportRegisterAsync(round, "register.csv", Encoding.UTF8.GetBytes(register));
        if (imported is null || imported.Errors.Count > 0)
            throw new InvalidOperationException("Registret kunde inte importeras: " + string.Join("; ", imported?.Errors.Select(e => $"rad {e.Row} {e.Column}: {e.Message}") ?? []));
        var csv = Encoding.UTF8.GetString((await distribution.CreateLinksAsync(round, address))!);
        var byEmail = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(';')).ToDictionary(l => l[0], l => l[1]);
        return (round, register.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(r => byEmail[r.Split(';')[0]]).ToList());
    }
}

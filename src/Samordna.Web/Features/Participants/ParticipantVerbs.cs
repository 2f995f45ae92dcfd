using System.Globalization;
using System.Security.Cryptography;
using Samordna.Web.Cli;

namespace Samordna.Web.Features.Participants;

/// <summary>The operator's participant verbs: the retention rule on demand, re-encryption after a key rotation, a new key.</summary>
public static class ParticipantVerbs
{
    public static async Task<int> PurgeAsync(CommandLine c, IServiceProvider s, TextWriter o)
    {
        var date = DateOnly.FromDateTime(DateTime.Today);
        if (c.Option("date") is { } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            throw new UsageProblem($"--date ska vara ett datum ÅÅÅÅ-MM-DD, inte \"{text}\".");
        var options = s.GetRequiredService<ParticipantOptions>();
        var purged = await s.GetRequiredService<ParticipantRetention>().PurgeAsync(date);
        await o.WriteLineAsync($"Gallring {date:yyyy-MM-dd}: personnummer och namn raderades för {purged} deltagare (sista utskrivning för mer än {options.RetentionYears} år sedan).");
        return 0;
    }

    public static async Task<int> RekeyAsync(CommandLine c, IServiceProvider s, TextWriter o)
    {
        var keys = s.GetRequiredService<ParticipantKeys>();
        var (changed, unreadable) = await s.GetRequiredService<ParticipantRetention>().RekeyAsync(DateOnly.FromDateTime(DateTime.Today));
        await o.WriteLineAsync($"Omkrypterat med nyckeln {keys.Protection.CurrentKeyId}: {changed} deltagare ändrades.");
        if (unreadable == 0) return 0;
        throw new CliProblem($"{unreadable} deltagare kunde inte dekrypteras med någon av nycklarna i {keys.Source}. Lägg tillbaka den gamla nyckeln och kör igen.");
    }

    public static async Task<int> NewKeyAsync(CommandLine c, IServiceProvider s, TextWriter o)
    {
        await o.WriteLineAsync(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        return 0;
    }
}

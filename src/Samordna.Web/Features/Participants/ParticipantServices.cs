using Samordna.Web.Hosting;

namespace Samordna.Web.Features.Participants;

/// <summary>The participant follow-up's services: its keys and options, handlers and queries, and the daily retention run.</summary>
public static class ParticipantServices
{
    public static IServiceCollection AddParticipants(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Samordna:Participants").Get<ParticipantOptions>() ?? new ParticipantOptions();
        services.AddSingleton(options);
        services.AddSingleton(provider => ParticipantKeys.Load(options,
            (configuration.GetSection("Samordna").Get<SamordnaOptions>() ?? new SamordnaOptions()).DataDirectory,
            provider.GetRequiredService<ILogger<ParticipantKeys>>()));
        services.AddScoped<RegistrarAccess>();
        services.AddScoped<IdentityReads>();
        services.AddScoped<EnrolParticipant>();
        services.AddScoped<EpisodeCommands>();
        services.AddScoped<EpisodeQueries>();
        services.AddScoped<FollowUpSettings>();
        services.AddScoped<ExtraQuestionDefinitions>();
        services.AddScoped<CountedParticipants>();
        services.AddScoped<ImportEpisodes>();
        services.AddScoped<ParticipantReportQueries>();
        services.AddScoped<NationalExport>();
        services.AddScoped<MonthlyCounts>();
        services.AddScoped<Registrars>();
        services.AddScoped<PersonalDataDuties>();
        services.AddScoped<ParticipantRetention>();
        services.AddScoped<Demo.DemoParticipants>();
        services.AddHostedService<RetentionService>();
        return services;
    }
}

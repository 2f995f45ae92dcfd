using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using Samordna.Core.Access;
using Samordna.Web.Data;
using Samordna.Web.Features.Access;
using Samordna.Web.Features.Accounts;
using Samordna.Web.Features.Api;
using Samordna.Web.Features.Associations;
using Samordna.Web.Features.Audit;
using Samordna.Web.Features.Demo;
using Samordna.Web.Features.Measurement;
using Samordna.Web.Features.Structures;
using Samordna.Web.Features.Participants;
using Samordna.Web.Features.Users;

namespace Samordna.Web.Hosting;

/// <summary>The composition of the application: read it as the table of contents.</summary>
public static class SamordnaApp
{
    public static readonly CultureInfo[] Cultures = [new("sv-SE"), new("en-GB")];

    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // The data directory and appsettings are read relative to where the operator stands, not the binary.
        builder.Configuration.AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true);
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(args);
        AddServices(builder.Services, builder.Configuration);
        return builder;
    }

    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        var database = DatabaseConfiguration.From(configuration);
        services.AddSingleton(database);
        services.AddSingleton<SqliteWriteGate>();
        services.Configure<SamordnaOptions>(configuration.GetSection("Samordna"));
        services.AddScoped<AuditActor>();
        // The options are built once, not for every request's context (measured: docs/benchmarks.md, answer submissions).
        services.AddDbContext<SamordnaDb>(database.Apply, optionsLifetime: ServiceLifetime.Singleton);

        AddAccounts(services, configuration);
        services.AddRateLimits(configuration);
        AddAuthorization(services);
        AddWeb(services);

        // Capabilities: one line each.
        services.AddScoped<ApiTokenService>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<CreateAssociation>();
        services.AddScoped<SetFunding>();
        services.AddScoped<FundingQueries>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<DemoData>();
        services.AddScoped<DemoSurveys>();
        services.AddScoped<DemoInterventions>();
        services.AddScoped<DemoStructures>();
        services.AddScoped<DemoStructureDocuments>();
        services.AddScoped<DatabaseMaintenance>();
        services.AddSingleton(MeasurementOptions.From(configuration));
        services.AddScoped<InstrumentBank>();
        services.AddScoped<CreateRound>();
        services.AddScoped<ImportAnswers>();
        services.AddScoped<MeasurementResults>();
        services.AddScoped<Distribution>();
        services.AddSingleton(configuration.GetSection("Samordna:Smtp").Get<SmtpOptions>() ?? new SmtpOptions());
        services.AddScoped<UnitGroupings>();
        services.AddScoped<SurveyAnswering>();
        services.AddSingleton<AnswerStore>();
        services.AddSingleton<AnsweringRounds>();
        services.AddScoped<Features.Interventions.SaveIntervention>();
        services.AddScoped<Features.Interventions.RecordDecision>();
        services.AddScoped<Features.Interventions.SaveBudgetYear>();
        services.AddScoped<Features.Interventions.InterventionLists>();
        services.AddScoped<Features.Interventions.TheoryOfChangeStore>();
        services.AddScoped<Features.Interventions.InterventionQueries>();
        services.AddScoped<Features.Interventions.SetAdministration>();
        services.AddScoped<Features.Reports.PopulationStore>();
        services.AddScoped<Features.Reports.ReportQueries>();
        services.AddScoped<Features.Reports.AnnualReportQuery>();
        services.AddScoped<Features.Reports.BoardPackQuery>();
        services.AddScoped<Features.Reports.InterventionComparisonQuery>();
        services.AddScoped<Features.Reports.AssociationComparisonQuery>();
        services.AddScoped<Features.Reports.ComparisonOptIns>();
        services.AddScoped<StructureQueries>();
        services.AddScoped<GroupCommands>();
        services.AddScoped<MeetingCommands>();
        services.AddScoped<ContactDirectory>();
        services.AddScoped<Agreements>();
        services.AddScoped<ActionPlans>();
        services.AddScoped<CoordinatorPosts>();
        services.AddScoped<DeviationReports>();
        services.AddScoped<StructureDocuments>();
        services.AddScoped<CollaborationEvents>();
        services.AddScoped<StructureReminders>();
        services.AddHostedService<ReminderService>();
        services.AddParticipants(configuration);
        services.AddSingleton(TimeProvider.System);
    }

    private static void AddAccounts(IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequiredUniqueChars = 6;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<SamordnaDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "Samordna";
                o.DefaultChallengeScheme = "Samordna";
            })
            // The API accepts only bearer tokens (no cookies, so no cross-site requests); pages only the cookie.
            .AddPolicyScheme("Samordna", "Cookie för sidor, API-nyckel för /api", o =>
                o.ForwardDefaultSelector = ctx => ctx.Request.Path.StartsWithSegments("/api")
                    ? BearerTokenHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null)
            .AddIdentityCookies();

        // A changed password or second factor (or an administrator's reset) ends the person's other sessions
        // within a minute, not Identity's default 30.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "samordna";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            SessionLifetime.Configure(o, configuration.GetSection("Samordna:Sessions").Get<SessionOptions>() ?? new SessionOptions());
        });

        // Keys in the database: every instance on it accepts the cookies and forms another one issued.
        var legacyKeys = Path.Combine(Path.GetFullPath(configuration["Samordna:DataDirectory"] ?? "./data"), "keys");
        services.AddDataProtection().SetApplicationName("Samordna");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DatabaseKeyRepository(provider, legacyKeys)));
    }

    private static void AddAuthorization(IServiceCollection services)
    {
        services.AddScoped<CurrentGrants>();
        services.AddScoped<IAuthorizationHandler, PermissionHandler>();
        services.AddAuthorization(o =>
        {
            foreach (var permission in Enum.GetValues<Permission>())
                o.AddPolicy(RequiresPermissionAttribute.PolicyName(permission), p =>
                    p.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(permission)));
            // Nothing is public unless it says [AllowAnonymous].
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
    }

    private static void AddWeb(IServiceCollection services)
    {
        // The form cookie, like the sign-in cookie, is sent only over HTTPS once the site is served over HTTPS.
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest);
        services.AddRazorPages(o => o.RootDirectory = "/Features")
            .AddApplicationPart(typeof(SamordnaApp).Assembly); // found also when a test is the entry point
        // Swedish letters are written as they are, not as numeric entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("sv-SE");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        // Unreadable request bodies reach the exception handler, which names the field in Swedish.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var status = ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode;
            if (ctx.ProblemDetails.Title is null or "Bad Request" or "Unauthorized" or "Forbidden" or "Not Found"
                or "An error occurred while processing your request." or "Unsupported Media Type" or "Method Not Allowed"
                or "Conflict" or "Too Many Requests" or "One or more validation errors occurred.")
            {
                ctx.ProblemDetails.Title = ApiProblems.SwedishTitle(status) ?? ctx.ProblemDetails.Title;
                ctx.ProblemDetails.Detail ??= ApiProblems.SwedishDetail(status);
            }
            ctx.ProblemDetails.Extensions.Remove("exception");
        });
        services.AddOpenApi("v1");
    }

    public static WebApplication Build(string[] args)
    {
        var app = CreateBuilder(args).Build();
        UsePipeline(app);
        MapEndpoints(app);
        return app;
    }

    private static void UsePipeline(WebApplication app)
    {
        // Behind a reverse proxy on this machine: the client's address and scheme (so HSTS and secure cookies work).
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
        // Pages get a Swedish error page with status 500; the API gets problem details. Never a stack trace.
        app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"), pages => pages.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/Error",
            StatusCodeSelector = KnownFailures.StatusOf,
        }));
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api => api.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = async ctx =>
            {
                switch (ctx.Features.Get<IExceptionHandlerFeature>()?.Error)
                {
                    case BadHttpRequestException bad:
                        await ApiProblems.Unreadable(bad).ExecuteAsync(ctx);
                        return;
                    case StoredLimitException limits:
                        await ApiProblems.Validation(limits.Errors).ExecuteAsync(ctx);
                        return;
                    case { } failure when KnownFailures.StatusOf(failure) == StatusCodes.Status409Conflict:
                        await Results.Problem(title: "Konflikt", detail: KnownFailures.ConflictText, statusCode: StatusCodes.Status409Conflict).ExecuteAsync(ctx);
                        return;
                }
                ctx.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await ctx.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = ctx });
            },
        }));
        // An empty error response becomes problem details on the API and a Swedish page elsewhere.
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages(async ctx =>
            await ctx.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>()
                .WriteAsync(new ProblemDetailsContext { HttpContext = ctx.HttpContext })));
        app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/Error/{0}"));
        app.UseMiddleware<SecurityHeaders>();
        app.UseRateLimits();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<AuditActorMiddleware>();
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.MapRazorPages();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapGet("/health", HealthEndpoint.Check).AllowAnonymous().ExcludeFromDescription();

        var api = app.MapGroup("/api/v1");
        AccountsApi.Map(api);
        AssociationsApi.Map(api);
        UsersApi.Map(api);
        AuditApi.Map(api);
        ReferenceApi.Map(api);
        MeasurementApi.Map(api);
        Features.Interventions.InterventionsApi.Map(api);
        Features.Reports.ReportsApi.Map(api);
        StructuresApi.Map(api);
        StructureDocumentsApi.Map(api);
        StructureRecordsApi.Map(api);
        Features.Participants.ParticipantsApi.Map(api);
        Features.Participants.ParticipantSettingsApi.Map(api);
    }
}

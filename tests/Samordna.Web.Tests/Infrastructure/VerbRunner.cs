using Samordna.Web.Cli;

namespace Samordna.Web.Tests.Infrastructure;

/// <summary>Runs an operator verb as the executable does, against a running app's database and data directory.</summary>
public static class VerbRunner
{
    public static async Task<(int Code, string Out, string Err)> RunVerbAsync(this RunningApp app, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await Verbs.RunAsync([.. args, .. app.ConfigurationArgs], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}

namespace Samordna.Web.Cli;

/// <summary>The verb and its --options, as typed after the program name.</summary>
public sealed class CommandLine
{
    public required string Verb { get; init; }
    public required IReadOnlyList<string> Words { get; init; }
    public required IReadOnlyDictionary<string, string> Options { get; init; }
    /// <summary>Configuration overrides such as --Samordna:DataDirectory=/srv/samordna.</summary>
    public required string[] ConfigurationArgs { get; init; }

    public string? Option(string name) => Options.GetValueOrDefault(name);

    /// <summary>Web start when there is no verb (only options such as --demo or --urls).</summary>
    public static bool IsVerb(string[] args) => args.Length > 0 && !args[0].StartsWith('-');

    public static CommandLine Parse(string[] args)
    {
        var words = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var configuration = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--") && arg.Contains(':'))
                configuration.Add(arg);
            else if (arg.StartsWith("--"))
            {
                var eq = arg.IndexOf('=');
                if (eq > 0) options[arg[2..eq]] = arg[(eq + 1)..];
                else if (i + 1 < args.Length && !args[i + 1].StartsWith("--")) options[arg[2..]] = args[++i];
                else throw new UsageProblem($"Flaggan {arg} saknar värde.");
            }
            else words.Add(arg);
        }
        return new CommandLine { Verb = args[0], Words = words, Options = options, ConfigurationArgs = configuration.ToArray() };
    }
}

/// <summary>Wrong usage: exit code 2 with the usage text.</summary>
public sealed class UsageProblem(string message) : Exception(message);

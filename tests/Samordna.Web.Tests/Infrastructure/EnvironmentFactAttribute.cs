using Xunit.Abstractions;
using Xunit.Sdk;

namespace Samordna.Web.Tests.Infrastructure;

/// <summary>Marks a test class that needs PostgreSQL.</summary>
public interface INeedsPostgres;

/// <summary>Marks a test class that needs PostgreSQL and its client programs pg_dump and pg_restore on PATH.</summary>
public interface INeedsPostgresTools : INeedsPostgres;

/// <summary>Marks a test class that needs Chromium.</summary>
public interface INeedsBrowser;

/// <summary>
/// A fact that skips, with a loud reason, when its class needs PostgreSQL or Chromium and the machine lacks
/// it and it is not required. Abstract test classes run once per database this way.
/// </summary>
[XunitTestCaseDiscoverer("Samordna.Web.Tests.Infrastructure.EnvironmentFactDiscoverer", TestAssembly.Name)]
[AttributeUsage(AttributeTargets.Method)]
public sealed class EnvironmentFactAttribute : FactAttribute;

public sealed class EnvironmentFactDiscoverer(IMessageSink sink) : IXunitTestCaseDiscoverer
{
    private static readonly HashSet<string> Announced = [];

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var type = testMethod.TestClass.Class.ToRuntimeType();
        var skip = typeof(INeedsPostgresTools).IsAssignableFrom(type) ? TestEnvironment.PostgresSkipReason ?? TestEnvironment.PostgresToolsSkipReason
            : typeof(INeedsPostgres).IsAssignableFrom(type) ? TestEnvironment.PostgresSkipReason
            : typeof(INeedsBrowser).IsAssignableFrom(type) ? TestEnvironment.BrowserSkipReason
            : null;
        if (skip is not null)
        {
            // Said once per run (xunit.runner.json turns diagnostic messages on), then every test shows it as its skip reason.
            lock (Announced) if (Announced.Add(skip)) sink.OnMessage(new DiagnosticMessage(skip));
            return [new XunitSkippedDataRowTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod, skip)];
        }
        return [new XunitTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod)];
    }
}

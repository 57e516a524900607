using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using ServiceHall.Testing;

namespace ServiceHall.EndToEnd.Tests;

/// <summary>
/// Every curl example in the README, run as written with the machine's curl against the running demo hall (only
/// the addresses are changed: the README's localhost:8080 and :5100 become this hall's gateway and identity).
/// An example that stops working, or a new one that never worked, fails here.
/// </summary>
public sealed class ReadmeExamplesTests(HallFixture hall)
{
    public static TheoryData<string> Examples => [.. CurlCommands(File.ReadAllText(Path.Combine(RunningHall.RepositoryRoot(), "README.md")))];

    [Fact]
    public void The_readme_has_curl_examples_to_run()
    {
        Assert.True(Examples.Count >= 8, $"{Examples.Count} curl examples found in README.md");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Each_curl_example_answers_200_with_json(string command)
    {
        await hall.Http.SearchIndexReadyAsync(HallJourneyTests.SearchWait);
        var runnable = command
            .Replace("http://localhost:8080", hall.Hall.GatewayHttp.ToString().TrimEnd('/'), StringComparison.Ordinal)
            .Replace("http://localhost:5100", hall.Hall.Identity.ToString().TrimEnd('/'), StringComparison.Ordinal);

        var (exit, output) = await RunAsync(runnable + " -w '\\n%{http_code}'");

        Assert.True(exit == 0, $"curl exited with {exit}: {output}");
        var lines = output.TrimEnd().Split('\n');
        Assert.True(lines[^1] == "200", $"{command}\nanswered {lines[^1]}: {string.Join('\n', lines[..^1])}");
        var body = JsonNode.Parse(string.Join('\n', lines[..^1]));
        Assert.NotNull(body);
    }

    /// <summary>The curl commands of the README's shell blocks, continuation lines joined.</summary>
    static IEnumerable<string> CurlCommands(string readme)
    {
        var inShell = false;
        var command = new StringBuilder();
        foreach (var line in readme.Split('\n'))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inShell = line.Trim() == "```sh";
                continue;
            }
            if (!inShell)
            {
                continue;
            }
            if (command.Length > 0 || line.StartsWith("curl ", StringComparison.Ordinal))
            {
                command.Append(line.TrimEnd().TrimEnd('\\').Trim()).Append(' ');
                if (!line.TrimEnd().EndsWith('\\'))
                {
                    yield return command.ToString().Trim();
                    command.Clear();
                }
            }
        }
    }

    static async Task<(int Exit, string Output)> RunAsync(string command)
    {
        var start = new ProcessStartInfo("sh", ["-c", command]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }
}

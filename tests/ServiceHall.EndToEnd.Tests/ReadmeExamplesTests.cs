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
    static readonly IReadOnlyList<string> AllCommands = [.. CurlCommands(File.ReadAllText(Path.Combine(RunningHall.RepositoryRoot(), "README.md")))];

    /// <summary>The examples that run on their own; the device flow's poll needs the code of the step before (its own test).</summary>
    public static TheoryData<string> Examples => [.. AllCommands.Where(c => !c.Contains(DeviceCodePlaceholder, StringComparison.Ordinal))];

    const string DeviceCodePlaceholder = "DEVICE_CODE";

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
        var (exit, output) = await RunAsync(Local(command) + " -w '\\n%{http_code}'");

        Assert.True(exit == 0, $"curl exited with {exit}: {output}");
        var lines = output.TrimEnd().Split('\n');
        Assert.True(lines[^1] == "200", $"{command}\nanswered {lines[^1]}: {string.Join('\n', lines[..^1])}");
        var body = JsonNode.Parse(string.Join('\n', lines[..^1]));
        Assert.NotNull(body);
    }

    [Fact]
    public async Task The_device_flow_example_gets_a_token_the_hall_accepts_once_a_person_approves()
    {
        var ask = AllCommands.Single(c => c.Contains("/connect/device", StringComparison.Ordinal));
        var poll = AllCommands.Single(c => c.Contains(DeviceCodePlaceholder, StringComparison.Ordinal));

        var (askExit, asked) = await RunAsync(Local(ask));
        Assert.True(askExit == 0, asked);
        var code = JsonNode.Parse(asked)!;
        await HallSignIn.ApproveDeviceAsync(hall.Hall.Identity, (string)code["verification_uri_complete"]!, DemoCounty.Zhangsan,
            cancellationToken: TestContext.Current.CancellationToken);
        var (pollExit, polled) = await RunAsync(Local(poll).Replace(DeviceCodePlaceholder, (string)code["device_code"]!, StringComparison.Ordinal));
        Assert.True(pollExit == 0, polled);
        var token = (string?)JsonNode.Parse(polled)!["access_token"];
        Assert.False(string.IsNullOrEmpty(token), polled);

        using var mine = new HttpRequestMessage(HttpMethod.Get, new Uri(hall.Hall.GatewayHttp, "/api/catalog/my/consultations"));
        mine.Headers.Authorization = new("Bearer", token);
        using var answer = await hall.Http.SendAsync(mine, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
    }

    /// <summary>The README's addresses turned into this hall's.</summary>
    string Local(string command) => command
        .Replace("http://localhost:8080", hall.Hall.GatewayHttp.ToString().TrimEnd('/'), StringComparison.Ordinal)
        .Replace("http://localhost:5100", hall.Hall.Identity.ToString().TrimEnd('/'), StringComparison.Ordinal);

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

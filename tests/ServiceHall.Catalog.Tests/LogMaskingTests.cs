using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServiceHall.Catalog.V1;
using ServiceHall.Testing;

namespace ServiceHall.Catalog.Tests;

/// <summary>A refusal that repeats the caller's input never puts a whole resident ID or mobile number in the logs.</summary>
public sealed class LogMaskingTests
{
    const string ResidentId = "11010519491231002X";
    const string Mobile = "13812345678";

    [Fact]
    public async Task Refusal_details_echoing_personal_numbers_are_masked_in_every_log_record()
    {
        var logs = new LogCapture();
        await using var host = new ServiceHost<Program>("catalog", Testing.Databases.Sqlite, services: s => s.AddSingleton<ILoggerProvider>(logs));
        await Sample.AddDepartmentsAsync(host);
        var consultations = Sample.Consultations(host, Sample.Zhangsan);

        // gRPC logs each refusal with its detail and the exception carrying it; this detail names the item id asked for.
        foreach (var itemId in new[] { ResidentId, Mobile })
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() =>
                consultations.AskQuestionAsync(new AskQuestionRequest { ItemId = itemId, Question = "能办吗？" }).ResponseAsync);
            Assert.Equal(StatusCode.NotFound, refused.StatusCode);
        }

        var echoed = logs.Lines.Where(l => l.Contains("110***********002X") || l.Contains("138****5678")).ToList();
        Assert.NotEmpty(echoed); // the refusals were logged, masked
        Assert.DoesNotContain(logs.Lines, l => l.Contains(ResidentId, StringComparison.OrdinalIgnoreCase) || l.Contains(Mobile));
    }
}

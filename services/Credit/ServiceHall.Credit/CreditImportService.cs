using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServiceHall.Credit.Import;
using ServiceHall.Credit.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Credit;

/// <summary>Bulk import of 双公示 files by a department's credit editor (<see cref="CreditImporter"/>, docs/domain.md §8).</summary>
public sealed class CreditImportService(CreditImporter importer, IOptions<ImportLimits> limits) : V1.CreditImportService.CreditImportServiceBase
{
    /// <summary>At most this many problems travel in the refusal: it goes in a response trailer, whose size is limited.</summary>
    public const int MaxReportedProblems = 50;

    /// <summary>The gRPC message limit of this service: the file limit, as base64 in JSON (4/3) with room for the rest.</summary>
    public static int MaxMessageBytes(ImportLimits limits) => (int)Math.Min(int.MaxValue, limits.MaxFileBytes * 4 / 3 + 64 * 1024);

    [Authorize(Roles = HallRoles.CreditEditor)]
    public override async Task<ImportRecordsResult> ImportRecords(ImportRecordsRequest request, ServerCallContext context)
    {
        var max = limits.Value.MaxFileBytes;
        var errors = new FieldErrors(ImportRecordsRequest.Descriptor).MaxLength("file_name", request.FileName, 200);
        if (request.Content.Length == 0)
        {
            errors.Add("content", "必填（CSV或XLSX文件）");
        }
        else if (request.Content.Length > max)
        {
            errors.Add("content", $"文件有{request.Content.Length}字节，超过上限{max}字节（{Size(max)}）：请分成几个文件导入");
        }
        errors.ThrowIfAny();

        ImportOutcome outcome;
        try
        {
            outcome = await importer.ImportAsync(request.Kind, request.Content.ToByteArray(), context.GetHttpContext().User.Department(), context.CancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || UniqueViolation.Is(ex))
        {
            // Another import or record of the same entities saved first; nothing of this file was written, and
            // importing it again skips what the other one recorded.
            throw new RpcException(new Grpc.Core.Status(StatusCode.Aborted, "导入时这些主体的记录被同时修改，本文件没有导入任何记录：请重新导入"));
        }
        if (outcome.Result is { } result)
        {
            return result;
        }
        throw Refusal(outcome.Problems);
    }

    /// <summary>
    /// InvalidArgument with the report: people read the message (the first problems), the portal and programs the
    /// ImportReport (row by row) and BadRequest (each under the field content) in the details.
    /// </summary>
    static RpcException Refusal(IReadOnlyList<RowProblem> unmasked)
    {
        // A problem quotes the bad cell, which may be a resident ID or mobile number typed in the wrong column.
        var problems = unmasked.Select(p => new RowProblem { Row = p.Row, Column = PublicText.Masked(p.Column), Problem = PublicText.Masked(p.Problem) }).ToList();
        var report = new ImportReport();
        report.Problems.AddRange(problems.Take(MaxReportedProblems));
        if (problems.Count > MaxReportedProblems)
        {
            report.Problems.Add(new RowProblem { Problem = $"另有{problems.Count - MaxReportedProblems}处问题未列出：请先改正以上各处" });
        }
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(report.Problems.Take(10).Select(p => new BadRequest.Types.FieldViolation { Field = "content", Description = Describe(p) }));
        return new Google.Rpc.Status
        {
            Code = (int)StatusCode.InvalidArgument,
            Message = $"文件没有导入（{problems.Count}处问题）：" + string.Join("；", problems.Take(3).Select(Describe)),
            Details = { Any.Pack(report), Any.Pack(badRequest) },
        }.ToRpcException();
    }

    static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / 1048576.0:0.#} MiB" : $"{bytes / 1024.0:0.#} KiB";

    /// <summary>“第3行「处罚决定日期」：…”, or the file's own problem.</summary>
    public static string Describe(RowProblem problem) => problem.Row == 0
        ? $"导入文件：{problem.Problem}"
        : $"第{problem.Row}行「{problem.Column}」：{problem.Problem}";
}

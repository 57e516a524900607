using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Catalog.Data;
using ServiceHall.Catalog.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Catalog;

/// <summary>
/// The guide report: today's rules over every guide, including guides published under older rules. Supervision and
/// administrators see the whole catalog; an officer sees their own department's items.
/// </summary>
public sealed partial class CatalogService
{
    [Authorize(Roles = HallRoles.Officer + "," + HallRoles.Supervisor + "," + HallRoles.Administrator)]
    public override async Task<GuideReport> GetGuideReport(GetGuideReportRequest request, ServerCallContext context)
    {
        var departmentCode = context.User().DepartmentInView(request.DepartmentCode, "办事指南检查报告");
        var departments = await DepartmentsByCodeAsync(context.CancellationToken);
        var query = db.Items.AsNoTracking().Where(i => i.Status != ItemStatus.Cancelled);
        if (departmentCode.Length > 0)
        {
            query = query.Where(i => i.DepartmentCode == departmentCode);
        }
        var report = new GuideReport { CheckedAt = Timestamp.FromDateTime(clock.GetUtcNow().UtcDateTime) };
        await foreach (var item in query.OrderBy(i => i.Code).AsAsyncEnumerable().WithCancellation(context.CancellationToken))
        {
            report.ItemsChecked++;
            var found = false;
            if (item.PublicGuide is { } published)
            {
                found |= Add(report, item, GuideScope.Public, GuideChecks.Publish(published, departments.GetValueOrDefault(published.DepartmentCode)));
            }
            if (item.DraftAhead)
            {
                var draft = item.DraftGuide;
                found |= Add(report, item, GuideScope.Draft, GuideChecks.Publish(draft, departments.GetValueOrDefault(draft.DepartmentCode)));
            }
            report.ItemsWithProblems += found ? 1 : 0;
        }
        report.ByRule.AddRange(report.Items.SelectMany(i => i.Problems).GroupBy(p => p.Rule)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RuleCount { Rule = g.Key, Count = g.Count() }));
        report.Problems = report.ByRule.Sum(r => r.Count);
        return report;
    }

    static bool Add(GuideReport report, ItemRecord item, GuideScope scope, List<GuideProblem> problems)
    {
        if (problems.Count == 0)
        {
            return false;
        }
        var entry = new ItemProblems { ItemId = item.Id, Code = item.Code, Name = item.Name, DepartmentCode = item.DepartmentCode, Status = item.Status, Scope = scope };
        entry.Problems.AddRange(problems);
        report.Items.Add(entry);
        return true;
    }
}

using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Applications.V1;
using ServiceHall.Data;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Applications;

/// <summary>
/// 谁查看了我的信息: the applicant's view of the audit trail's reveals and downloads on their own cases
/// (docs/domain.md §6). The trail is the one source: what it does not hold, this page cannot invent.
/// </summary>
public sealed partial class ApplicationsService
{
    /// <summary>How many of the applicant's newest cases are looked through; older ones have long been closed.</summary>
    const int DataAccessCases = 500;

    [Authorize(Roles = HallRoles.Applicant)]
    public override async Task<ListMyDataAccessResponse> ListMyDataAccess(ListMyDataAccessRequest request, ServerCallContext context)
    {
        var paging = Paging.From(request.PageSize, request.PageToken, ListMyDataAccessRequest.Descriptor);
        var owner = context.GetHttpContext().User.Subject();
        var cases = await db.Applications.AsNoTracking()
            .Where(a => a.OwnerSubject == owner)
            .OrderByDescending(a => a.SubmittedAt)
            .Take(DataAccessCases)
            .Select(a => new { a.TrackingNumber, a.DepartmentCode, a.Department })
            .ToListAsync(context.CancellationToken);
        var byTarget = cases.ToDictionary(c => AuditTarget(c.TrackingNumber), c => (c.TrackingNumber, c.DepartmentCode, c.Department));
        // Refused tries are in the trail too, but nothing was shown to anyone: only what was given is listed.
        var records = await audit.ForTargetsAsync([RevealAction, DownloadAction], [.. byTarget.Keys], "OK",
            paging.Offset, paging.Size + 1, context.CancellationToken);
        var response = new ListMyDataAccessResponse { NextPageToken = paging.NextToken(records.Count) };
        foreach (var record in records.Take(paging.Size))
        {
            var target = record.Target.Split(' ')[0];
            if (!byTarget.TryGetValue(target, out var owned))
            {
                continue;
            }
            response.Accesses.Add(ToAccess(record, owner, owned.TrackingNumber, owned.DepartmentCode, owned.Department));
        }
        return response;
    }

    /// <summary>How the trail names a case; a material of it is this, a space and its id (MaterialCalls).</summary>
    static string AuditTarget(string trackingNumber) => $"tracking_number={trackingNumber}";

    static DataAccess ToAccess(AuditRecord record, string owner, string trackingNumber, string caseDepartmentCode, string caseDepartment)
    {
        var actor = HallUsers.ParseActor(record.Actor);
        var role = actor switch
        {
            null => AccessorRole.Unspecified,
            _ when actor.Subject == owner => AccessorRole.Self,
            _ when actor.Roles.Contains(HallRoles.Supervisor) => AccessorRole.Supervisor,
            _ when actor.Roles.Contains(HallRoles.DepartmentHead) => AccessorRole.DepartmentHead,
            _ when actor.Roles.Contains(HallRoles.Officer) => AccessorRole.Officer,
            _ => AccessorRole.Unspecified,
        };
        var departmentCode = role is AccessorRole.Officer or AccessorRole.DepartmentHead ? actor!.Tenancy : "";
        var access = new DataAccess
        {
            At = Timestamp.FromDateTime(DateTime.Parse(record.At, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)),
            TrackingNumber = trackingNumber,
            Kind = record.Action == RevealAction ? DataAccessKind.Reveal : DataAccessKind.Download,
            Role = role,
            DepartmentCode = departmentCode,
            Department = departmentCode.Length == 0 ? ""
                : string.Equals(departmentCode, caseDepartmentCode, StringComparison.OrdinalIgnoreCase) ? caseDepartment : departmentCode,
        };
        // The trail wrote "reason: …" for a reveal and "file: name (size, sha256 …)" for a download (see the callers).
        if (access.Kind == DataAccessKind.Reveal && record.Detail.StartsWith("reason: ", StringComparison.Ordinal))
        {
            access.Reason = record.Detail["reason: ".Length..];
        }
        if (access.Kind == DataAccessKind.Download && record.Detail.StartsWith("file: ", StringComparison.Ordinal))
        {
            var file = record.Detail["file: ".Length..];
            var sizeStart = file.LastIndexOf(" (", StringComparison.Ordinal);
            access.FileName = sizeStart > 0 ? file[..sizeStart] : file;
        }
        return access;
    }
}

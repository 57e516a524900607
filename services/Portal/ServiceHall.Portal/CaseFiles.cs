using Grpc.Core;
using Microsoft.Net.Http.Headers;
using ServiceHall.Applications.V1;
using ApplicationsClient = ServiceHall.Applications.V1.ApplicationsService.ApplicationsServiceClient;

namespace ServiceHall.Portal;

/// <summary>
/// A case's files downloaded through the portal: the service's DownloadMaterial as the signed-in reader (it decides
/// who may, and records every download), the bytes sent with the file's own type and name as an attachment. A file
/// of a case is personal: no shared cache keeps it, and the browser does not keep it either.
/// </summary>
public static class CaseFiles
{
    /// <summary>The download address on the applicant's case page (我的办件) and on the workbench's.</summary>
    public static string Mine(string trackingNumber, string materialId) =>
        CaseLinks.Mine(trackingNumber) + "/files/" + Uri.EscapeDataString(materialId);

    public static string Work(string trackingNumber, string materialId) =>
        CaseLinks.Work(trackingNumber) + "/files/" + Uri.EscapeDataString(materialId);

    public static void MapCaseFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/my/applications/{number}/files/{materialId}", DownloadAsync).RequireAuthorization();
        endpoints.MapGet("/work/cases/{number}/files/{materialId}", DownloadAsync).RequireAuthorization();
    }

    static async Task<IResult> DownloadAsync(string number, string materialId, HttpContext http, ApplicationsClient applications, HallCalls calls)
    {
        MaterialContent file;
        try
        {
            file = await applications.DownloadMaterialAsync(
                new DownloadMaterialRequest { TrackingNumber = number, MaterialId = materialId }, await calls.AsUserAsync(http));
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument or StatusCode.PermissionDenied)
        {
            // Another person's file is as unknown to this reader as one that does not exist.
            return Results.NotFound();
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unauthenticated)
        {
            return Results.Unauthorized();
        }
        catch (RpcException e) when (ServiceTroubles.Of(e) is not null)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        http.Response.Headers.CacheControl = "private, no-store";
        var contentType = file.Material.ContentType is { Length: > 0 } type ? type : "application/octet-stream";
        var name = file.Material.FileName is { Length: > 0 } fileName ? fileName : file.Material.Id;
        return Results.File(file.Content.ToByteArray(), contentType, name);
    }

    /// <summary>A size as people read it: 12 KB, 3.4 MB.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{Math.Max(1, bytes / 1024)} KB",
        _ => $"{bytes / 1024.0 / 1024.0:0.#} MB",
    };

    /// <summary>The kind's short name as the page shows it.</summary>
    public static string Kind(MaterialKind kind) => kind switch
    {
        MaterialKind.Pdf => "PDF",
        MaterialKind.Jpeg => "JPEG",
        MaterialKind.Png => "PNG",
        MaterialKind.Ofd => "OFD",
        _ => "",
    };
}

/// <summary>The case's files as a case page lists them, each linked to its download on that page's side.</summary>
public sealed record CaseFilesView(ListCaseMaterialsResponse? Files, Func<string, string> Link)
{
    /// <summary>The decision document (决定文书) once the officer gave one.</summary>
    public MaterialFile? DecisionDocument => Files?.Materials.LastOrDefault(f => f.Purpose == MaterialPurpose.DecisionDocument && !f.Replaced);
}

using Grpc.Core;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ServiceHall.Catalog;

/// <summary>GET /api/catalog/items/{id}/print: the public guide as one HTML page with a print stylesheet; public, like GetItem.</summary>
public static class PrintableGuideEndpoint
{
    public static void MapPrintableGuide(this WebApplication app) =>
        app.MapGet("/api/catalog/items/{id}/print", async (string id, CatalogService catalog, CancellationToken ct) =>
        {
            try
            {
                return (IResult)new RazorComponentResult<PrintableGuide>(new { Item = await catalog.PublicItemAsync(id, ct) });
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
            {
                return Results.Problem(detail: ex.Status.Detail, statusCode: ex.StatusCode == StatusCode.NotFound ? 404 : 400);
            }
        }).AllowAnonymous();
}

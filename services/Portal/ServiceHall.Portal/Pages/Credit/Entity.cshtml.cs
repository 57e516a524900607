using Grpc.Core;
using ServiceHall.Credit.V1;
using CreditClient = ServiceHall.Credit.V1.CreditService.CreditServiceClient;

namespace ServiceHall.Portal.Pages.Credit;

/// <summary>
/// An entity's public credit page: registration facts, licences and the penalties in publicity, each with its
/// deciding department and date, for everyone without signing in; the same on the print layout (Print).
/// </summary>
public class EntityModel(CreditClient credit, HallCalls calls) : PortalPage
{
    public string Code { get; private set; } = "";
    public MarketEntity? Entity { get; private set; }
    /// <summary>The code was not one, or no entity has it: said on the page, with the way back to the lookup.</summary>
    public ServiceRefusal? Refusal { get; private set; }

    public async Task OnGetAsync(string code)
    {
        Code = code;
        try
        {
            Entity = await ReadAsync(credit.GetEntityAsync(new GetEntityRequest { Code = code }, calls.Public(HttpContext)));
        }
        catch (RpcException refused) when (refused.StatusCode is Grpc.Core.StatusCode.InvalidArgument or Grpc.Core.StatusCode.NotFound)
        {
            Refusal = ServiceRefusal.Of(refused);
            Response.StatusCode = Refusal.HttpStatus;
        }
        if (Entity is null && Refusal is null)
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
    }
}

/// <summary>The entity page on the print layout.</summary>
public sealed class PrintModel(CreditClient credit, HallCalls calls) : EntityModel(credit, calls);

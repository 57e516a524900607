using Grpc.Core;
using ServiceHall.Applications.Figures;
using ServiceHall.Applications.V1;

namespace ServiceHall.Applications;

/// <summary>
/// 办件统计公开: the public figures, for everyone without signing in, over gRPC, as JSON through transcoding and as
/// CSV (<see cref="FiguresCsv"/>). A department code nobody has cases under is not an error: its figures are zero.
/// </summary>
public sealed class PublicFiguresService(FiguresQuery figures, TimeProvider time) : V1.PublicFiguresService.PublicFiguresServiceBase
{
    public override Task<PublicFigures> GetPublicFigures(GetPublicFiguresRequest request, ServerCallContext context) =>
        ReadAsync(request, figures, time, context.CancellationToken);

    public static async Task<PublicFigures> ReadAsync(GetPublicFiguresRequest request, FiguresQuery figures, TimeProvider time, CancellationToken cancellationToken)
    {
        var period = FiguresPeriod.Parse(request, CountyClock.Today(time.GetUtcNow().UtcDateTime));
        var department = CreditCode.Normalize(request.DepartmentCode);
        if (department.Length > 0 && CreditCode.Problem(department) is { } problem)
        {
            new ServiceHall.ServiceDefaults.FieldErrors(GetPublicFiguresRequest.Descriptor).Add("department_code", problem).ThrowIfAny();
        }
        return await figures.ReadAsync(department, period, cancellationToken);
    }
}

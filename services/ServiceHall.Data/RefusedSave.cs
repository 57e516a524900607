using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace ServiceHall.Data;

public static class RefusedSave
{
    /// <summary>
    /// Saves, answering the conflicts a check-then-write cannot rule out with the right status instead of a 500:
    /// a unique index that refused a duplicate (a concurrent request won the race past the check) with
    /// <paramref name="duplicate"/>, and a lost update (a concurrency token moved) with Aborted.
    /// </summary>
    public static async Task SaveOrRefuseAsync(this DbContext db, RpcException duplicate, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RpcException(new Status(StatusCode.Aborted, "这条记录刚被别人修改；请重新打开后再操作"));
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            throw duplicate;
        }
    }
}

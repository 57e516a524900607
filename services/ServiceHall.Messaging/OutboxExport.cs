using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Common.V1;

namespace ServiceHall.Messaging;

/// <summary>
/// The source's outbox as its public change log (PublicExport): a projection replays it from the start to
/// rebuild, or from its high-water mark to catch up on what it missed. Rows are kept after publishing for this.
/// </summary>
public sealed class OutboxExport<TContext>(TContext db, IEnumerable<IExportRewriter> rewriters) : PublicExport.PublicExportBase where TContext : DbContext
{
    /// <summary>Rows per query: a rebuild streams the whole log without holding it in memory or one long read open.</summary>
    public const int PageSize = 500;

    public override async Task Export(ExportRequest request, IServerStreamWriter<ExportedEvent> responseStream, ServerCallContext context)
    {
        if (request.AfterSequence < 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "after_sequence: must be 0 (everything) or a sequence already received"));
        }
        var cancellationToken = context.CancellationToken;
        var after = request.AfterSequence;
        while (true)
        {
            var page = await db.Set<OutboxMessage>()
                .AsNoTracking()
                .Where(m => m.Sequence > after)
                .OrderBy(m => m.Sequence)
                .Take(PageSize)
                .Select(m => new ExportedEvent { Sequence = m.Sequence, Topic = m.Topic, PayloadJson = m.Payload, EventId = m.EventId })
                .ToListAsync(cancellationToken);
            var fetched = page.Count;
            var last = fetched > 0 ? page[^1].Sequence : after;
            foreach (var rewriter in rewriters)
            {
                await rewriter.RewriteAsync(page, cancellationToken);
            }
            foreach (var exported in page)
            {
                await responseStream.WriteAsync(exported, cancellationToken);
            }
            if (fetched < PageSize)
            {
                return;
            }
            after = last;
        }
    }

    public override async Task<ExportState> GetExportState(GetExportStateRequest request, ServerCallContext context)
    {
        var log = db.Set<OutboxMessage>().AsNoTracking();
        return new ExportState
        {
            HighWaterMark = await log.MaxAsync(m => (long?)m.Sequence, context.CancellationToken) ?? 0,
            Events = await log.LongCountAsync(context.CancellationToken),
        };
    }
}

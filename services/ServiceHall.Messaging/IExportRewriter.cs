using ServiceHall.Common.V1;

namespace ServiceHall.Messaging;

/// <summary>
/// What a source changes in its log on the way out of <see cref="OutboxExport{TContext}"/>. The log keeps what was
/// announced at the time; the export serves what may be public today, so a projection rebuilt from it cannot bring
/// back what has since left public view (credit: penalties past their publicity period).
/// </summary>
public interface IExportRewriter
{
    /// <summary>Rewrites the page in place: changes payloads, removes events that must not leave at all.</summary>
    Task RewriteAsync(List<ExportedEvent> page, CancellationToken cancellationToken);
}

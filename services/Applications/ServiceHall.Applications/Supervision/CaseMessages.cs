using Microsoft.EntityFrameworkCore;
using ServiceHall.Applications.Case;
using ServiceHall.Applications.Data;
using ServiceHall.Applications.V1;

namespace ServiceHall.Applications.Supervision;

/// <summary>
/// Cases as every reader gets them: each clock read today on one calendar reaching back to the earliest acceptance,
/// and each case's warning level, the highest of those the sweep recorded and those today's clock reaches (so a
/// queue shows a 黄牌 the moment it is due, not only after the next sweep, and a warning given stays shown).
/// </summary>
public static class CaseMessages
{
    public static async Task<List<Application>> ReadAsync(ApplicationsDb db, CaseCalendar calendars, DateOnly today, decimal yellowShare,
        IReadOnlyList<ApplicationRecord> applications, CancellationToken cancellationToken)
    {
        var firstYear = applications.Select(a => a.AcceptedOn?.Year ?? today.Year).DefaultIfEmpty(today.Year).Min();
        var calendar = applications.Any(a => a.AcceptedOn is not null)
            ? await calendars.FromYearAsync(firstYear, cancellationToken)
            : WorkingCalendar.From([]);
        var messages = applications.Select(a => a.ToMessage(CaseClockReading.Read(a.ClockFacts, calendar, today))).ToList();
        var accepted = applications.Where(a => a.AcceptedOn is not null).Select(a => a.TrackingNumber).ToList();
        var recorded = accepted.Count == 0
            ? []
            : await db.CaseWarnings.AsNoTracking().Where(w => accepted.Contains(w.TrackingNumber))
                .Select(w => new { w.TrackingNumber, w.Level }).ToListAsync(cancellationToken);
        foreach (var message in messages)
        {
            message.WarningLevel = WarningRules.Highest(
                recorded.Where(w => w.TrackingNumber == message.TrackingNumber).Select(w => w.Level)
                    .Concat(WarningRules.Reached(message.Clock, yellowShare)));
        }
        return messages;
    }
}

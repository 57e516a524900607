using Microsoft.EntityFrameworkCore;
using ServiceHall.Applications.Data;
using ServiceHall.Applications.V1;

namespace ServiceHall.Applications.Figures;

/// <summary>
/// The public figures of one department or the whole county over a period (docs/domain.md §5): two grouped reads
/// in the database, the period's submissions counted per county day and its completions summed per day, rolled up
/// into months here (a year is at most 366 rows each, however many cases). Each case's days come from
/// <see cref="ApplicationRecord.DaysUsedAtStop"/>, kept when its clock stopped, so no clock is read again.
/// </summary>
public sealed class FiguresQuery(ApplicationsDb db)
{
    public async Task<PublicFigures> ReadAsync(string departmentCode, FiguresPeriod period, CancellationToken cancellationToken)
    {
        var cases = db.Applications.AsNoTracking();
        if (departmentCode.Length > 0)
        {
            cases = cases.Where(a => a.DepartmentCode == departmentCode);
        }
        var (first, last) = (period.FirstDay, period.LastDay);
        var received = await cases.Where(a => a.SubmittedOn >= first && a.SubmittedOn <= last)
            .GroupBy(a => a.SubmittedOn)
            .Select(g => new { Day = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var completed = await cases.Where(a => a.CompletedOn >= first && a.CompletedOn <= last)
            .GroupBy(a => a.CompletedOn!.Value)
            .Select(g => new Completed(
                g.Key,
                g.Count(),
                g.Count(a => a.DaysUsedAtStop != null),
                g.Count(a => a.DaysUsedAtStop <= a.LimitDays + a.ExtensionDays),
                g.Sum(a => a.DaysUsedAtStop ?? 0),
                g.Sum(a => a.DaysUsedAtStop != null ? a.LimitDays : 0)))
            .ToListAsync(cancellationToken);

        var ratings = db.Set<Ratings.RatingRecord>().AsNoTracking();
        if (departmentCode.Length > 0)
        {
            ratings = ratings.Where(r => r.DepartmentCode == departmentCode);
        }
        var rated = await ratings.Where(r => r.RatedOn >= first && r.RatedOn <= last)
            .GroupBy(r => new { r.RatedOn, r.Level })
            .Select(g => new Rated(g.Key.RatedOn, g.Key.Level, g.Count()))
            .ToListAsync(cancellationToken);
        // Follow-ups are few (bad ratings only): read whole and judged here, the call-back's county day against the due day.
        var followUps = (await ratings.Where(r => r.FollowUpDueOn >= first && r.FollowUpDueOn <= last)
                .Select(r => new { DueOn = r.FollowUpDueOn!.Value, r.CalledBackAt })
                .ToListAsync(cancellationToken))
            .Select(f => new FollowUp(f.DueOn, f.CalledBackAt is { } at && CountyClock.Today(at) <= f.DueOn))
            .ToList();

        var figures = new PublicFigures { DepartmentCode = departmentCode };
        var receivedByMonth = received.GroupBy(r => MonthOf(r.Day)).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
        var completedByMonth = completed.ToLookup(c => MonthOf(c.Day));
        var ratedByMonth = rated.ToLookup(r => MonthOf(r.Day));
        var followUpsByMonth = followUps.ToLookup(f => MonthOf(f.DueOn));
        foreach (var month in period.Months())
        {
            var figuresOfMonth = Figures(FiguresPeriod.Format(month), receivedByMonth.GetValueOrDefault(month), completedByMonth[month]);
            AddRatings(figuresOfMonth, ratedByMonth[month], followUpsByMonth[month]);
            figures.Months.Add(figuresOfMonth);
        }
        figures.Total = Figures("", received.Sum(r => r.Count), completed);
        AddRatings(figures.Total, rated, followUps);
        figures.Departments.AddRange(await DepartmentsAsync(cancellationToken));
        // Only what moderation approved becomes public; the rating itself counted above at once.
        var comments = await ratings.Where(r => r.RatedOn >= first && r.RatedOn <= last && r.CommentStatus == CommentStatus.Approved)
            .OrderByDescending(r => r.RatedAt).ThenBy(r => r.Id).Take(PublicComments)
            .Select(r => new { r.RatedOn, r.Level, r.Department, r.ItemName, r.Comment })
            .ToListAsync(cancellationToken);
        figures.Comments.AddRange(comments.Select(c => new PublicComment
        {
            RatedOn = c.RatedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Level = c.Level, Department = c.Department, ItemName = c.ItemName,
            // Stored masked already; masked again in case a comment predates that rule.
            Comment = ServiceHall.Domain.PersonalNumbers.MaskAll(c.Comment),
        }));
        figures.Department = figures.Departments.FirstOrDefault(d => d.Code == departmentCode)?.Name ?? "";
        return figures;
    }

    /// <summary>How many approved comments the public page shows: the newest, enough to read, few enough to moderate well.</summary>
    public const int PublicComments = 20;

    /// <summary>Every department that has had a case, by name.</summary>
    async Task<List<FiguresDepartment>> DepartmentsAsync(CancellationToken cancellationToken) =>
        [.. (await db.Applications.AsNoTracking().GroupBy(a => a.DepartmentCode)
                .Select(g => new { Code = g.Key, Name = g.Max(a => a.Department) })
                .ToListAsync(cancellationToken))
            .OrderBy(d => d.Name, StringComparer.Ordinal)
            .Select(d => new FiguresDepartment { Code = d.Code, Name = d.Name ?? "" })];

    /// <summary>
    /// A case without kept days (stopped before they were kept) counts as completed but not in the time figures,
    /// which it cannot be judged by.
    /// </summary>
    static MonthFigures Figures(string month, int received, IEnumerable<Completed> days)
    {
        var list = days.ToList();
        var figures = new MonthFigures { Month = month, Received = received, Completed = list.Sum(d => d.Count) };
        var timed = list.Sum(d => d.Timed);
        if (timed == 0)
        {
            return figures;
        }
        figures.CompletedOnTime = list.Sum(d => d.OnTime);
        figures.Overdue = timed - figures.CompletedOnTime;
        figures.OnTimeRate = (double)figures.CompletedOnTime / timed;
        figures.AverageDaysUsed = (double)list.Sum(d => d.DaysUsed) / timed;
        figures.AveragePromisedDays = (double)list.Sum(d => d.PromisedDays) / timed;
        return figures;
    }

    /// <summary>好差评: the count per level, the satisfaction rate (the three satisfied levels of all), and follow-ups on time.</summary>
    static void AddRatings(MonthFigures figures, IEnumerable<Rated> rated, IEnumerable<FollowUp> followUps)
    {
        var counts = new RatingCounts();
        foreach (var r in rated)
        {
            switch (r.Level)
            {
                case RatingLevel.VerySatisfied: counts.VerySatisfied += r.Count; break;
                case RatingLevel.Satisfied: counts.Satisfied += r.Count; break;
                case RatingLevel.FairlySatisfied: counts.FairlySatisfied += r.Count; break;
                case RatingLevel.Dissatisfied: counts.Dissatisfied += r.Count; break;
                case RatingLevel.VeryDissatisfied: counts.VeryDissatisfied += r.Count; break;
            }
        }
        figures.Ratings = counts;
        var all = counts.VerySatisfied + counts.Satisfied + counts.FairlySatisfied + counts.Dissatisfied + counts.VeryDissatisfied;
        if (all > 0)
        {
            figures.SatisfactionRate = (double)(counts.VerySatisfied + counts.Satisfied + counts.FairlySatisfied) / all;
        }
        var due = followUps.ToList();
        figures.FollowUpsDue = due.Count;
        figures.FollowUpsOnTime = due.Count(f => f.OnTime);
    }

    static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    sealed record Rated(DateOnly Day, RatingLevel Level, int Count);

    sealed record FollowUp(DateOnly DueOn, bool OnTime);

    /// <summary>One county day's completions: how many, how many with kept days, on time, and their days summed.</summary>
    sealed record Completed(DateOnly Day, int Count, int Timed, int OnTime, int DaysUsed, int PromisedDays);
}

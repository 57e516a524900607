// The public figures (办件统计公开) over many cases: seeds a fresh SQLite database with the applications service's
// own migrations and records (a year of cases across 20 departments, most completed, some late; three in five of the
// completed ones rated, bad ratings with their follow-ups, some comments approved), then times the figures query as
// the service runs it, for the whole county and for one department, and prints p50/p95/max.
// Usage: dotnet run -c Release --project bench/ServiceHall.Bench.Figures [-- <cases> [<rounds>]]
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Applications.Data;
using ServiceHall.Applications.Figures;
using ServiceHall.Applications.V1;

var cases = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
var folder = Directory.CreateTempSubdirectory("servicehall-bench-figures-");
var options = new DbContextOptionsBuilder<ApplicationsDbSqlite>().UseSqlite($"Data Source={Path.Combine(folder.FullName, "applications.db")}").Options;
try
{
    await using (var db = new ApplicationsDbSqlite(options))
    {
        await db.Database.MigrateAsync();
    }
    var seeding = Stopwatch.StartNew();
    var rated = await SeedAsync(options, cases);
    Console.WriteLine($"seeded {cases:N0} cases and {rated:N0} ratings in {seeding.Elapsed.TotalSeconds:F1} s");

    var today = new DateOnly(2026, 12, 7);
    var period = FiguresPeriod.Parse(new GetPublicFiguresRequest(), today);
    foreach (var (label, department) in new[] { ("county", ""), ("one department", Department(3)) })
    {
        var timings = new List<double>();
        PublicFigures? figures = null;
        for (var round = 0; round < rounds + 3; round++)
        {
            await using var db = new ApplicationsDbSqlite(options);
            var watch = Stopwatch.StartNew();
            figures = await new FiguresQuery(db).ReadAsync(department, period, CancellationToken.None);
            if (round >= 3)
            {
                timings.Add(watch.Elapsed.TotalMilliseconds); // the first three warm the caches and the JIT
            }
        }
        timings.Sort();
        var ratings = figures!.Total.Ratings;
        Console.WriteLine($"{label}: {figures.Total.Received:N0} received, {figures.Total.Completed:N0} completed, " +
            $"{ratings.VerySatisfied + ratings.Satisfied + ratings.FairlySatisfied + ratings.Dissatisfied + ratings.VeryDissatisfied:N0} rated, " +
            $"{figures.Total.FollowUpsDue:N0} follow-ups due, {figures.Comments.Count} comments shown over {figures.Months.Count} months; " +
            $"p50 {Percentile(timings, 0.50):F1} ms, p95 {Percentile(timings, 0.95):F1} ms, max {timings[^1]:F1} ms ({rounds} rounds)");
    }
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    folder.Delete(recursive: true);
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static string Department(int i) => "1153092400000" + i.ToString("D4", CultureInfo.InvariantCulture) + "X";

// A year of cases up to 7 December 2026: 20 departments, submitted evenly over the year; four in five completed
// within 0–14 working days of a promised 10 (so some late), the rest still open. Three in five completed cases are
// rated online on their completion day, one in twenty badly (with a follow-up due 5 days later, most called back in
// time), and one in ten rated with an approved comment. Returns the number of ratings.
static async Task<int> SeedAsync(DbContextOptions<ApplicationsDbSqlite> options, int cases)
{
    var ratings = 0;
    var random = new Random(7);
    var start = new DateTime(2025, 12, 8, 1, 0, 0, DateTimeKind.Utc);
    const int batch = 5_000;
    for (var from = 0; from < cases; from += batch)
    {
        await using var db = new ApplicationsDbSqlite(options);
        for (var i = from; i < Math.Min(cases, from + batch); i++)
        {
            var submitted = start.AddMinutes(random.Next(0, 364 * 24 * 60));
            var completed = random.Next(5) > 0;
            var day = DateOnly.FromDateTime(submitted.AddHours(8));
            var used = random.Next(0, 15);
            var stop = day.AddDays(used + used / 5 * 2);
            db.Applications.Add(new ApplicationRecord
            {
                TrackingNumber = "SHBENCH" + i.ToString("D9", CultureInfo.InvariantCulture),
                OwnerSubject = "applicant-" + (i % 5000).ToString(CultureInfo.InvariantCulture),
                IdempotencyKey = "k" + i.ToString(CultureInfo.InvariantCulture),
                ItemId = "item-" + (i % 300).ToString(CultureInfo.InvariantCulture),
                ItemName = "压测事项",
                ItemType = "行政许可",
                Department = "压测部门" + (i % 20).ToString("D2", CultureInfo.InvariantCulture),
                DepartmentCode = Department(i % 20),
                ApplicantName = "张三",
                ApplicantKind = "person",
                ApplicantIdNumber = "",
                ApplicantPhone = "",
                ApplicantCreditCode = "",
                Note = "",
                Status = completed ? ApplicationStatus.Completed : ApplicationStatus.Accepted,
                SubmittedAt = submitted,
                SubmittedOn = day,
                LimitDays = 10,
                LimitUnit = LimitUnit.WorkingDays,
                StatutoryDays = 20,
                AcceptedOn = day,
                StoppedOn = completed ? stop : null,
                DaysUsedAtStop = completed ? used : null,
                CompletedOn = completed && stop <= new DateOnly(2026, 12, 7) ? stop : null,
            });
            if (completed && stop <= new DateOnly(2026, 12, 7) && random.Next(5) < 3)
            {
                db.Add(Rating(random, i, stop));
                ratings++;
            }
        }
        await db.SaveChangesAsync();
    }
    return ratings;
}

static ServiceHall.Applications.Ratings.RatingRecord Rating(Random random, int i, DateOnly on)
{
    var roll = random.Next(100);
    var level = roll switch
    {
        < 5 => random.Next(2) == 0 ? RatingLevel.Dissatisfied : RatingLevel.VeryDissatisfied,
        < 15 => RatingLevel.FairlySatisfied,
        < 45 => RatingLevel.Satisfied,
        _ => RatingLevel.VerySatisfied,
    };
    var bad = level is RatingLevel.Dissatisfied or RatingLevel.VeryDissatisfied;
    var ratedAt = on.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
    var commented = random.Next(10) == 0;
    var due = on.AddDays(5);
    var calledBack = bad && random.Next(4) > 0 ? due.AddDays(-random.Next(0, 4)).ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc) : (DateTime?)null;
    return new ServiceHall.Applications.Ratings.RatingRecord
    {
        Id = "rating-" + i.ToString(CultureInfo.InvariantCulture),
        TrackingNumber = "SHBENCH" + i.ToString("D9", CultureInfo.InvariantCulture),
        Channel = RatingChannel.Online,
        Level = level,
        Comment = commented ? "办理很快，窗口人员耐心" : "",
        CommentStatus = commented ? CommentStatus.Approved : CommentStatus.Unspecified,
        RaterSubject = "applicant-" + (i % 5000).ToString(CultureInfo.InvariantCulture),
        RatedAt = ratedAt,
        RatedOn = on,
        ItemId = "item-" + (i % 300).ToString(CultureInfo.InvariantCulture),
        ItemName = "压测事项",
        Department = "压测部门" + (i % 20).ToString("D2", CultureInfo.InvariantCulture),
        DepartmentCode = Department(i % 20),
        FollowUpStatus = !bad ? FollowUpStatus.Unspecified : calledBack is null ? FollowUpStatus.Open : FollowUpStatus.CalledBack,
        FollowUpDueOn = bad ? due : null,
        CalledBackAt = calledBack,
    };
}

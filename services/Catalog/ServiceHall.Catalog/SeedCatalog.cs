using System.Text.Json;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Catalog.Data;
using ServiceHall.Catalog.V1;
using ServiceHall.Messaging;

namespace ServiceHall.Catalog;

/// <summary>
/// The demo county's catalog (Seed:Demo=true): departments and towns in Seed/county.json, items per department in
/// Seed/items/*.json. An item file holds only what is particular to each item; county-wide and department
/// defaults (place, contacts, review and litigation bodies) are merged under it, as real catalogs share them.
/// Every guide must pass the publish checks, or the service refuses to start with the list of problems.
/// </summary>
public static class SeedCatalog
{
    public sealed record Content(IReadOnlyList<Department> Departments, IReadOnlyList<ItemGuide> Guides);

    static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "Seed");

    public static Content Read(string folder, string areaCode)
    {
        using var county = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "county.json")));
        var countyDefaults = Parse<ItemGuide>(county.RootElement.GetProperty("defaults"), "county.json defaults");
        var departments = new List<Department>();
        var defaults = new Dictionary<string, ItemGuide>();
        foreach (var entry in county.RootElement.GetProperty("departments").EnumerateArray())
        {
            var department = Parse<Department>(entry.GetProperty("department"), "county.json department");
            var merged = countyDefaults.Clone();
            merged.MergeFrom(Parse<ItemGuide>(entry.GetProperty("defaults"), $"county.json defaults of {department.Name}"));
            departments.Add(department);
            defaults.Add(department.Code, merged);
        }

        var guides = new List<ItemGuide>();
        foreach (var file in Directory.GetFiles(Path.Combine(folder, "items"), "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            using var items = JsonDocument.Parse(File.ReadAllText(file));
            var root = items.RootElement;
            var codes = root.TryGetProperty("departmentCodes", out var many)
                ? many.EnumerateArray().Select(c => c.GetString()!).ToList()
                : [root.GetProperty("departmentCode").GetString()!];
            var index = 0;
            foreach (var item in root.GetProperty("items").EnumerateArray())
            {
                var own = Parse<ItemGuide>(item, $"{name} items[{index++}]");
                foreach (var code in codes)
                {
                    var guide = (defaults.GetValueOrDefault(code) ?? throw new InvalidOperationException($"{name}: no department has code '{code}' in county.json")).Clone();
                    guide.MergeFrom(own);
                    guide.DepartmentCode = code;
                    guide.Code = ImplementationCode.Compose(guide.BasicCode, areaCode, code);
                    guides.Add(guide);
                }
            }
        }
        return new Content(departments, guides);
    }

    public static async Task LoadAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDb>();
        if (await db.Departments.AnyAsync() || await db.Items.AnyAsync())
        {
            return;
        }
        var settings = scope.ServiceProvider.GetRequiredService<CatalogSettings>();
        var now = ServiceHall.Data.ServiceDatabase.StoredUtcNow(scope.ServiceProvider.GetRequiredService<TimeProvider>());
        var content = Read(DefaultFolder, settings.AreaCode);
        var problems = Problems(content);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"The seed catalog fails the guide checks:\n{string.Join("\n", problems)}");
        }
        var departments = content.Departments.ToDictionary(d => d.Code);
        // Every form and sample a seeded guide links to exists before the guide does.
        await SeedGuideFiles.AttachAsync(content.Guides, db, scope.ServiceProvider.GetRequiredService<ServiceHall.Blobs.IBlobStore>(), now);
        db.Departments.AddRange(content.Departments.Select(DepartmentRecord.From));
        foreach (var guide in content.Guides)
        {
            var item = ItemRecord.Create(guide, now);
            item.Publish(now);
            db.Items.Add(item);
            db.History.Add(ItemHistoryRecord.Publication(item, "首次发布", []));
            db.Add(OutboxMessage.For(Topics.CatalogItemChanged, item.ToEvent(departments[guide.DepartmentCode])));
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Every department and guide problem of the seed, one line each, named by department and item.</summary>
    public static List<string> Problems(Content content)
    {
        var departments = content.Departments.ToDictionary(d => d.Code);
        var lines = content.Departments.SelectMany(d => CatalogService.DepartmentProblems(d).Problems.Select(p => $"{d.Name}: {p}")).ToList();
        foreach (var guide in content.Guides)
        {
            var found = GuideChecks.Publish(guide, departments.GetValueOrDefault(guide.DepartmentCode));
            lines.AddRange(found.Select(p => $"{guide.Name} ({guide.Code}): {p.Field}: {p.Message} [{p.Rule}]"));
        }
        lines.AddRange(content.Guides.GroupBy(g => g.Code).Where(g => g.Count() > 1).Select(g => $"{g.Key}: code used by {g.Count()} items"));
        return lines;
    }

    static T Parse<T>(JsonElement json, string where) where T : IMessage<T>, new()
    {
        try
        {
            return Parser.Parse<T>(json.GetRawText());
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new InvalidOperationException($"Seed {where}: {ex.Message}", ex);
        }
    }
}

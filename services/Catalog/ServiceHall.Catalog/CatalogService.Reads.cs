using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using ServiceHall.Catalog.Data;
using ServiceHall.Catalog.V1;
using ServiceHall.ServiceDefaults;

namespace ServiceHall.Catalog;

/// <summary>Reads: the public guide, its versions and history, lists for navigation (public), and the officer's draft.</summary>
public sealed partial class CatalogService
{
    public override Task<ServiceItem> GetItem(GetItemRequest request, ServerCallContext context) =>
        PublicItemAsync(request.Id, context.CancellationToken);

    /// <summary>The current public version, as GetItem and the printable guide show it.</summary>
    async Task<ServiceItem> PublicItemAsync(string id, CancellationToken cancellationToken)
    {
        var item = await FindPublishedAsync(id, cancellationToken);
        return item.ToPublicMessage(await FindDepartmentAsync(item.DepartmentCode, cancellationToken));
    }

    /// <summary>A draft is the department's unfinished work: its officers read it, and supervision (电子监察) does.</summary>
    [Authorize(Roles = HallRoles.Officer + "," + HallRoles.Supervisor)]
    public override async Task<ServiceItem> GetItemDraft(GetItemRequest request, ServerCallContext context)
    {
        var item = await FindAsync(request.Id, context.CancellationToken);
        var user = context.User();
        if (!user.HasRole(HallRoles.Supervisor))
        {
            user.RequireOfficerOf(item.DraftGuide.DepartmentCode, $"服务事项 {item.Id} 的草稿");
        }
        return DraftView(item, await FindDepartmentAsync(item.DraftGuide.DepartmentCode, context.CancellationToken));
    }

    public override async Task<ServiceItem> GetItemVersion(GetItemVersionRequest request, ServerCallContext context)
    {
        var item = await FindPublishedAsync(request.Id, context.CancellationToken);
        var entry = await db.History.AsNoTracking()
            .SingleOrDefaultAsync(h => h.ItemId == item.Id && h.Action == ItemHistoryAction.Published && h.GuideVersion == request.GuideVersion, context.CancellationToken)
            ?? throw new FieldErrors(GetItemVersionRequest.Descriptor).Add("guide_version", $"事项 {item.Id} 没有第{request.GuideVersion}版（现有第1至{item.GuideVersion}版）").Refusal(StatusCode.NotFound);
        var view = item.ToPublicMessage(await FindDepartmentAsync(item.DepartmentCode, context.CancellationToken));
        view.Guide = entry.Guide;
        view.GuideVersion = entry.GuideVersion;
        view.PublishedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(entry.At);
        return view;
    }

    public override async Task<ItemHistory> GetItemHistory(GetItemRequest request, ServerCallContext context)
    {
        var item = await FindPublishedAsync(request.Id, context.CancellationToken);
        var entries = await db.History.AsNoTracking().Where(h => h.ItemId == item.Id).OrderByDescending(h => h.Id).ToListAsync(context.CancellationToken);
        var history = new ItemHistory { ItemId = item.Id };
        history.Entries.AddRange(entries.Select(e => e.ToMessage()));
        return history;
    }

    public override async Task<ListItemsResponse> ListItems(ListItemsRequest request, ServerCallContext context)
    {
        CheckFilters(request);
        var paging = Paging.From(request.PageSize, request.PageToken, ListItemsRequest.Descriptor);
        var query = db.Items.AsNoTracking().Where(i => i.Status == ItemStatus.Published || i.Status == ItemStatus.Suspended);
        if (request.DepartmentCode.Length > 0)
        {
            query = query.Where(i => i.DepartmentCode == request.DepartmentCode);
        }
        if (request.Towns)
        {
            var towns = db.Departments.Where(d => d.Kind == GuideVocabulary.Town).Select(d => d.Code);
            query = query.Where(i => towns.Contains(i.DepartmentCode));
        }
        if (request.PersonTheme.Length > 0)
        {
            query = query.Where(i => i.Themes.Any(t => t.Kind == ItemThemeRecord.PersonKind && t.Theme == request.PersonTheme));
        }
        if (request.LegalPersonTheme.Length > 0)
        {
            query = query.Where(i => i.Themes.Any(t => t.Kind == ItemThemeRecord.LegalPersonKind && t.Theme == request.LegalPersonTheme));
        }
        if (request.Audience == GuideVocabulary.Person)
        {
            query = query.Where(i => i.ForPersons);
        }
        if (request.Audience == GuideVocabulary.LegalPerson)
        {
            query = query.Where(i => i.ForLegalPersons);
        }
        if (request.OnlineDepth != OnlineDepth.Unspecified)
        {
            query = query.Where(i => i.OnlineDepth == request.OnlineDepth);
        }
        if (request.ItemType.Length > 0)
        {
            query = query.Where(i => i.ItemType == request.ItemType);
        }
        var total = await query.CountAsync(context.CancellationToken);
        var page = await query.OrderBy(i => i.Code).Skip(paging.Offset).Take(paging.Size + 1).ToListAsync(context.CancellationToken);
        var departments = await DepartmentsByCodeAsync(context.CancellationToken);
        var response = new ListItemsResponse { NextPageToken = paging.NextToken(page.Count), Total = total };
        response.Items.AddRange(page.Take(paging.Size).Select(i => i.ToSummary(departments.GetValueOrDefault(i.DepartmentCode))));
        return response;
    }

    public override async Task<CatalogNavigation> GetNavigation(GetNavigationRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var open = db.Items.AsNoTracking().Where(i => i.Status == ItemStatus.Published || i.Status == ItemStatus.Suspended);
        var themes = await db.Set<ItemThemeRecord>().AsNoTracking()
            .Where(t => open.Any(i => i.Id == t.ItemId))
            .GroupBy(t => new { t.Kind, t.Theme }).Select(g => new { g.Key.Kind, g.Key.Theme, Count = g.Count() }).ToListAsync(ct);
        var byDepartment = await open.GroupBy(i => i.DepartmentCode).Select(g => new { Code = g.Key, Count = g.Count() }).ToListAsync(ct);
        var byDepth = await open.GroupBy(i => i.OnlineDepth).Select(g => new { Depth = g.Key, Count = g.Count() }).ToListAsync(ct);
        var persons = await open.CountAsync(i => i.ForPersons, ct);
        var legalPersons = await open.CountAsync(i => i.ForLegalPersons, ct);
        var departments = await DepartmentsByCodeAsync(ct);

        var navigation = new CatalogNavigation();
        navigation.PersonThemes.AddRange(Entries(GuideVocabulary.PersonThemes, themes.Where(t => t.Kind == ItemThemeRecord.PersonKind).ToDictionary(t => t.Theme, t => t.Count)));
        navigation.LegalPersonThemes.AddRange(Entries(GuideVocabulary.LegalPersonThemes, themes.Where(t => t.Kind == ItemThemeRecord.LegalPersonKind).ToDictionary(t => t.Theme, t => t.Count)));
        foreach (var d in departments.Values.OrderBy(d => d.Code, StringComparer.Ordinal))
        {
            var count = byDepartment.FirstOrDefault(x => x.Code == d.Code)?.Count ?? 0;
            if (count > 0)
            {
                (d.Kind == GuideVocabulary.Town ? navigation.Towns : navigation.Departments).Add(new NavigationEntry { Value = d.Code, Label = d.Name, Count = count });
            }
        }
        navigation.Audiences.Add(new NavigationEntry { Value = GuideVocabulary.Person, Label = "个人办事", Count = persons });
        navigation.Audiences.Add(new NavigationEntry { Value = GuideVocabulary.LegalPerson, Label = "法人办事", Count = legalPersons });
        navigation.OnlineDepths.AddRange(byDepth.Where(x => x.Depth is >= OnlineDepth.Information and <= OnlineDepth.FullyOnline).OrderByDescending(x => x.Depth)
            .Select(x => new NavigationEntry { Value = EnumWords.ProtoName(x.Depth), Label = GuideVocabulary.DepthLabel(x.Depth), Count = x.Count }));
        return navigation;
    }

    /// <summary>Themes in the national list's order, only those with items.</summary>
    static IEnumerable<NavigationEntry> Entries(string[] vocabulary, Dictionary<string, int> counts) =>
        vocabulary.Where(counts.ContainsKey).Select(t => new NavigationEntry { Value = t, Label = t, Count = counts[t] });

    /// <summary>The public may read published and suspended items, and a cancelled item's last version (old links explain themselves).</summary>
    async Task<ItemRecord> FindPublishedAsync(string id, CancellationToken cancellationToken)
    {
        var item = await FindAsync(id, cancellationToken);
        if (item.GuideVersion == 0)
        {
            throw new FieldErrors(GetItemRequest.Descriptor).Add("id", $"服务事项 {id} 尚未发布").Refusal(StatusCode.NotFound);
        }
        return item;
    }

    async Task<Dictionary<string, Department>> DepartmentsByCodeAsync(CancellationToken cancellationToken) =>
        (await db.Departments.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(d => d.Code, d => d.ToMessage());

    static void CheckFilters(ListItemsRequest request)
    {
        var errors = new FieldErrors(ListItemsRequest.Descriptor).MaxLength("department_code", request.DepartmentCode, 18);
        Vocabulary(errors, "person_theme", request.PersonTheme, GuideVocabulary.PersonThemes);
        Vocabulary(errors, "legal_person_theme", request.LegalPersonTheme, GuideVocabulary.LegalPersonThemes);
        Vocabulary(errors, "audience", request.Audience, GuideVocabulary.Audiences);
        Vocabulary(errors, "item_type", request.ItemType, GuideVocabulary.ItemTypes);
        if (request.OnlineDepth is < OnlineDepth.Unspecified or > OnlineDepth.FullyOnline)
        {
            errors.Add("online_depth", $"{(int)request.OnlineDepth} 不在1至4之间（0表示不限）");
        }
        errors.ThrowIfAny();
    }

    static void Vocabulary(FieldErrors errors, string field, string value, string[] allowed)
    {
        if (value.Length > 0 && !allowed.Contains(value))
        {
            errors.Add(field, $"“{(value.Length > 40 ? value[..40] + "…" : value)}”不是{string.Join("、", allowed)}之一");
        }
    }
}

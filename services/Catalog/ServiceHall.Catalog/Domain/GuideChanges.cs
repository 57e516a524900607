using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using ServiceHall.Catalog.V1;

namespace ServiceHall.Catalog;

/// <summary>
/// What changed between two published versions of a guide, one line per guide field in the words of the
/// guide's headings, so the public history says "承诺办结时限：10工作日 → 5工作日" rather than "updated".
/// </summary>
public static class GuideChanges
{
    static readonly Dictionary<string, string> Labels = new()
    {
        ["code"] = "实施编码", ["basic_code"] = "基本编码", ["name"] = "事项名称", ["business_item"] = "业务办理项",
        ["item_type"] = "事项类型", ["audiences"] = "服务对象", ["handling_kind"] = "办件类型", ["person_themes"] = "自然人主题",
        ["legal_person_themes"] = "法人主题", ["department_code"] = "实施主体", ["department_nature"] = "实施主体性质",
        ["entrusting_department"] = "委托部门", ["joint_bodies"] = "联办机构", ["intermediary_services"] = "中介服务",
        ["effective_date"] = "计划生效日期", ["cancellation_date"] = "计划取消日期", ["legal_basis"] = "设定依据",
        ["conditions"] = "受理条件", ["quantity_limit"] = "数量限制", ["rights_and_obligations"] = "权利和义务",
        ["statutory_limit"] = "法定办结时限", ["promised_limit"] = "承诺办结时限", ["site_visits"] = "到办事现场次数",
        ["online_depth"] = "网上办理深度", ["onsite_reason"] = "必须现场办理的原因", ["charged"] = "是否收费", ["fees"] = "收费标准",
        ["place"] = "办理地点和时间", ["coverage"] = "通办范围", ["appointment"] = "预约办理", ["online_payment"] = "网上支付",
        ["express_delivery"] = "快递送达", ["self_service"] = "自助终端", ["contacts"] = "咨询和投诉方式", ["review"] = "行政复议",
        ["litigation"] = "行政诉讼", ["result_type"] = "结果类型", ["result_name"] = "结果名称", ["result_sample"] = "结果样本",
        ["materials"] = "申报材料", ["no_materials_reason"] = "无需材料的原因", ["steps"] = "办理流程", ["special_procedures"] = "特殊环节",
        ["faqs"] = "常见问题",
    };

    const int ShortText = 30;

    public static List<string> Between(ItemGuide before, ItemGuide after)
    {
        var lines = new List<string>();
        // In the guide's own order (a field renumbered for a new type keeps its place among its neighbours).
        foreach (var field in ItemGuide.Descriptor.Fields.InDeclarationOrder())
        {
            var label = Labels.GetValueOrDefault(field.Name, field.Name);
            var old = field.Accessor.GetValue(before);
            var now = field.Accessor.GetValue(after);
            if (Equals(old, now))
            {
                continue;
            }
            if (field.IsRepeated)
            {
                lines.Add($"{label}：{ListChange((System.Collections.IList)old, (System.Collections.IList)now)}");
            }
            else if (field.FieldType == FieldType.Message)
            {
                lines.Add($"{label}：{Describe(old as IMessage)} → {Describe(now as IMessage)}");
            }
            else
            {
                lines.Add($"{label}：{Scalar(old)} → {Scalar(now)}");
            }
        }
        return lines;
    }

    /// <summary>Entries are matched by their first field (a material's name, a fee's name, a law's title, a question).</summary>
    static string ListChange(System.Collections.IList old, System.Collections.IList now)
    {
        var oldByKey = old.Cast<object>().GroupBy(Key).ToDictionary(g => g.Key, g => g.First());
        var nowByKey = now.Cast<object>().GroupBy(Key).ToDictionary(g => g.Key, g => g.First());
        var parts = new List<string>();
        var added = nowByKey.Keys.Where(k => !oldByKey.ContainsKey(k)).ToList();
        var removed = oldByKey.Keys.Where(k => !nowByKey.ContainsKey(k)).ToList();
        var changed = nowByKey.Keys.Where(k => oldByKey.TryGetValue(k, out var o) && !Equals(o, nowByKey[k])).ToList();
        if (added.Count > 0)
        {
            parts.Add("新增" + string.Join("、", added.Select(k => $"「{Clip(k)}」")));
        }
        if (removed.Count > 0)
        {
            parts.Add("删除" + string.Join("、", removed.Select(k => $"「{Clip(k)}」")));
        }
        if (changed.Count > 0)
        {
            parts.Add("修改" + string.Join("、", changed.Select(k => $"「{Clip(k)}」")));
        }
        return parts.Count > 0 ? string.Join("；", parts) : "调整顺序";
    }

    static string Key(object entry) => entry switch
    {
        IMessage m => m.Descriptor.Fields.InFieldNumberOrder()[0].Accessor.GetValue(m)?.ToString() ?? "",
        _ => entry.ToString() ?? "",
    };

    static string Describe(IMessage? message) => message switch
    {
        null => "（无）",
        TimeLimit t => $"{t.Value}{t.Unit}",
        _ => string.Join("，", message.Descriptor.Fields.InFieldNumberOrder()
                .Select(f => f.Accessor.GetValue(message))
                .Where(v => v is string s ? s.Length > 0 : v is not (false or 0))
                .Select(Scalar)) is { Length: > 0 } text ? text : "（无）",
    };

    static string Scalar(object? value) => value switch
    {
        null or "" => "（无）",
        bool b => b ? "是" : "否",
        OnlineDepth d => ((int)d).ToString(CultureInfo.InvariantCulture),  // the level, as officers number it
        string s => Clip(s),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    static string Clip(string text) => text.Length <= ShortText ? text : text[..ShortText] + "…";
}
